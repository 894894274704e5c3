package org.fenestra.smb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path on an SMB share as admins write it: {@code \\server\share\dir\file.wim}, or with
 * forward slashes, {@code //server/share/dir/file.wim}.
 *
 * @param server    host name or address
 * @param share     share name
 * @param names     the path inside the share, one element per folder or file (empty: the share's root)
 * @since 0.1
 */
public record UncPath(String server, String share, List<String> names) {

    public UncPath {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(share, "share");
        names = List.copyOf(names);
    }

    /** Whether {@code text} starts like a UNC path (two slashes or backslashes). */
    public static boolean isUnc(String text) {
        return text != null && text.length() > 2 && isSeparator(text.charAt(0)) && isSeparator(text.charAt(1));
    }

    /**
     * Parses {@code \\server\share[\path]}; {@code .} elements are dropped, {@code ..} is refused
     * so a path cannot climb out of its share.
     *
     * @throws IllegalArgumentException when {@code text} is not a UNC path with a server and a share
     */
    public static UncPath parse(String text) {
        if (!isUnc(text)) {
            throw new IllegalArgumentException("not a UNC path (\\\\server\\share\\...): " + text);
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.substring(2).split("[\\\\/]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("\"..\" is not allowed in a UNC path: " + text);
            }
            parts.add(part);
        }
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a UNC path names a server and a share (\\\\server\\share\\...): " + text);
        }
        return new UncPath(parts.get(0), parts.get(1), parts.subList(2, parts.size()));
    }

    /** The path inside the share with backslashes, as SMB wants it ({@code ""} for the root). */
    public String pathInShare() {
        return String.join("\\", names);
    }

    @Override
    public String toString() {
        return "\\\\" + server + "\\" + share + (names.isEmpty() ? "" : "\\" + pathInShare());
    }

    private static boolean isSeparator(char c) {
        return c == '\\' || c == '/';
    }
}
