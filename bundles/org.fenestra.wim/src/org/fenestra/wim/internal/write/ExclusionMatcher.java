package org.fenestra.wim.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.fenestra.wim.model.CaptureConfig;

/**
 * Decides exclusions for a {@link CaptureConfig}, matching paths relative to the capture
 * root ({@code /a/b}) the way wimlib does: component by component, a pattern that runs out
 * first matches everything below (so a directory takes its contents with it), and for
 * exceptions a path that runs out first also matches (its descendant is to be kept, so the
 * path itself must be).
 */
final class ExclusionMatcher {
    private final CaptureConfig config;

    ExclusionMatcher(CaptureConfig config) {
        this.config = config;
    }

    boolean excluded(String path) {
        return anyMatch(path, config.exclusions(), false) && !anyMatch(path, config.exceptions(), true);
    }

    private boolean anyMatch(String path, List<String> patterns, boolean ancestors) {
        for (String p : patterns) {
            if (matches(path, p, ancestors, config.ignoreCase())) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String unicodePath, String unicodePattern, boolean ancestors, boolean ignoreCase) {
        String path = bytewise(unicodePath, ignoreCase);
        String pattern = bytewise(unicodePattern, ignoreCase);
        String[] pathParts = split(pattern.startsWith("/") ? path : path.substring(path.lastIndexOf('/') + 1));
        String[] patParts = split(pattern);
        for (int i = 0;; i++) {
            if (i == patParts.length) {
                return true; // recursive: the rest of the path lies below a matched directory
            }
            if (i == pathParts.length) {
                return ancestors;
            }
            if (!wildcard(pathParts[i], 0, patParts[i], 0)) {
                return false;
            }
        }
    }

    /**
     * wimlib on UNIX matches the UTF-8 bytes of names, so {@code ?} stands for one byte; the
     * byte-per-char form reproduces that. Ignoring case folds ASCII letters only, as wimlib's
     * byte-wise {@code tolower} does.
     */
    private static String bytewise(String s, boolean ignoreCase) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (ignoreCase) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] >= 'A' && b[i] <= 'Z') {
                    b[i] += 'a' - 'A';
                }
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String[] split(String s) {
        return java.util.Arrays.stream(s.split("/")).filter(x -> !x.isEmpty()).toArray(String[]::new);
    }

    /** {@code *} any run (possibly empty), {@code ?} one character, case-sensitive. */
    private static boolean wildcard(String s, int si, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (wildcard(s, k, p, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (si == s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }
}
