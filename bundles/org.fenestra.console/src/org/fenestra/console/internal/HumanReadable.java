package org.fenestra.console.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as an admin reads them: the local date and time (sizes: {@code ByteSize} of the catalog API). */
final class HumanReadable {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HumanReadable() {
    }

    /** {@code 2026-11-24 10:15} in the console's time zone. */
    static String dateTime(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    static String dateTime(Instant instant) {
        return dateTime(instant, ZoneId.systemDefault());
    }
}
