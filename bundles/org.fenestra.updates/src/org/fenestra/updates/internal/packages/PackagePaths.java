package org.fenestra.updates.internal.packages;

import org.fenestra.updates.packages.PackageFormatException;

/** The one rule for names inside packages (cabinet entries, ZIP entries, paths a Fenestra package edits). */
public final class PackagePaths {

    private PackagePaths() {
    }

    /**
     * Checks a path from a package: relative, {@code /}-separated, no empty, {@code .} or {@code ..}
     * segments, no drive letter, no backslash, no control characters. Returns it without a trailing slash.
     *
     * @param file how the error names the package
     * @param what what the path is, for the error ("ZIP entry", "add path", ...)
     */
    public static String requireSafe(String path, String file, String what) throws PackageFormatException {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean unsafe = trimmed.isEmpty() || trimmed.startsWith("/") || trimmed.contains("\\") || trimmed.contains(":")
                || trimmed.chars().anyMatch(c -> c < 0x20);
        if (!unsafe) {
            for (String segment : trimmed.split("/", -1)) {
                unsafe |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
            }
        }
        if (unsafe) {
            throw PackageFormatException.damaged(file, "unsafe " + what + " '" + path
                    + "' (must be relative, '/'-separated, without '..', '.', drive letters or backslashes)");
        }
        return trimmed;
    }
}
