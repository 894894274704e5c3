package org.fenestra.catalog.api;

import java.util.Locale;

/**
 * Sizes as a Windows admin reads them, the one way the console and the workbench show them:
 * binary multiples with Windows' names (1 KB = 1024 bytes, as Configuration Manager shows
 * them), one decimal below 10 ("4.9 GB"), none above ("118 MB").
 *
 * @since 0.2
 */
public final class ByteSize {

    private static final String[] UNITS = { "bytes", "KB", "MB", "GB", "TB", "PB" };

    private ByteSize() {
    }

    public static String text(long bytes) {
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
}
