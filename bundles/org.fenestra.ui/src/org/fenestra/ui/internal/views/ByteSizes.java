package org.fenestra.ui.internal.views;

import java.util.Locale;

/** Sizes the way Windows admins read them: binary units, one decimal above KB. */
public final class ByteSizes {

    private static final String[] UNITS = { "bytes", "KB", "MB", "GB", "TB", "PB" };

    private ByteSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
