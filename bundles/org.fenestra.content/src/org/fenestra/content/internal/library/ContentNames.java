package org.fenestra.content.internal.library;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names the content library accepts, so that no name from a request or a manifest can reach
 * outside the library: SHA-256s, package IDs and package-relative paths.
 */
public final class ContentNames {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PACKAGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_PATH_CHARS = 4096;

    private ContentNames() {
    }

    /** The hash in lower case; refuses anything but 64 hex digits. */
    public static String requireSha256(String sha256) {
        String lower = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(lower).matches()) {
            throw new IllegalArgumentException("not a SHA-256 (64 hex digits): " + printable(sha256));
        }
        return lower;
    }

    public static boolean isSha256(String sha256) {
        return sha256 != null && SHA256.matcher(sha256.toLowerCase(Locale.ROOT)).matches();
    }

    public static String requirePackageId(String packageId) {
        if (packageId == null || !PACKAGE_ID.matcher(packageId).matches() || packageId.contains("..")) {
            throw new IllegalArgumentException("not a package ID (letters, digits, . _ -, at most 128): "
                    + printable(packageId));
        }
        return packageId;
    }

    /**
     * A path below a package's folder: {@code /}-separated segments, none empty, {@code .} or
     * {@code ..}; no backslash, colon, control character or leading {@code /}, so it means the same
     * on Windows and Linux and never leaves the folder.
     */
    public static String requireRelativePath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_CHARS) {
            throw new IllegalArgumentException("not a relative path: " + printable(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') {
                throw new IllegalArgumentException("relative path holds a forbidden character: " + printable(path));
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("relative path would leave its folder: " + printable(path));
            }
        }
        return path;
    }

    /** The name as a quoted Java literal with control characters escaped, for messages. */
    public static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder("\"");
        name.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                text.append(String.format("\\u%04x", cp));
            } else {
                text.appendCodePoint(cp);
            }
        });
        return text.append(name.length() > 200 ? "…\"" : "\"").toString();
    }
}
