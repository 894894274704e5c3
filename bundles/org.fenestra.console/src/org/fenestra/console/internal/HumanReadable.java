package org.fenestra.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Sizes and times as an admin reads them: 4.2 GB, and the local date and time. */
final class HumanReadable {

    private static final String[] UNITS = { "bytes", "KB", "MB", "GB", "TB" };
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HumanReadable() {
    }

    /** Binary multiples with Windows' names (1 KB = 1024 bytes), as Configuration Manager shows them. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    /** {@code 2026-11-24 10:15} in the console's time zone. */
    static String dateTime(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    static String dateTime(Instant instant) {
        return dateTime(instant, ZoneId.systemDefault());
    }
}
