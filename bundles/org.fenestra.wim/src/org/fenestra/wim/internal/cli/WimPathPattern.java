package org.fenestra.wim.internal.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.WimEntry;

/**
 * A path in an image as wimlib-imagex matches it against the image's tree: separated by
 * {@code /} (leading, trailing and repeated separators do not count), each component matched
 * against the names of one directory level. With wildcards, {@code *} matches any run and
 * {@code ?} one unit within a component; as wimlib on Linux, names are compared as UTF-8 bytes
 * and, when case is ignored, ASCII letters only fold.
 */
final class WimPathPattern {
    private final List<byte[]> components = new ArrayList<>();
    private final boolean wildcards;
    private final boolean ignoreCase;

    WimPathPattern(String pattern, boolean wildcards, boolean ignoreCase) {
        for (String c : pattern.split("/")) {
            if (!c.isEmpty()) {
                components.add(c.getBytes(StandardCharsets.UTF_8));
            }
        }
        this.wildcards = wildcards;
        this.ignoreCase = ignoreCase;
    }

    /** The entries below (or being) {@code root} that the pattern names, in directory order. */
    List<WimEntry> expand(WimEntry root) {
        List<WimEntry> matches = new ArrayList<>();
        if (root != null) {
            expand(root, 0, matches);
        }
        return matches;
    }

    private void expand(WimEntry dir, int depth, List<WimEntry> matches) {
        if (depth == components.size()) {
            matches.add(dir);
            return;
        }
        byte[] pattern = components.get(depth);
        for (WimEntry child : dir.children()) {
            byte[] name = child.name().getBytes(StandardCharsets.UTF_8);
            if (wildcards ? matches(name, pattern) : equal(name, pattern)) {
                expand(child, depth + 1, matches);
            }
        }
    }

    private boolean equal(byte[] name, byte[] pattern) {
        if (name.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (!same(name[i], pattern[i])) {
                return false;
            }
        }
        return true;
    }

    /** wimlib's matching of one component; iterative (back to the last {@code *}) so it is linear per star. */
    private boolean matches(byte[] s, byte[] p) {
        int si = 0;
        int pi = 0;
        int star = -1;
        int starSi = 0;
        while (si < s.length) {
            if (pi < p.length && p[pi] == '*') {
                star = pi++;
                starSi = si;
            } else if (pi < p.length && (p[pi] == '?' || same(s[si], p[pi]))) {
                si++;
                pi++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++starSi;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }

    private boolean same(byte a, byte b) {
        return a == b || ignoreCase && lower(a) == lower(b);
    }

    private static byte lower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
    }
}
