package org.fenestra.registry.internal.format;

import java.nio.charset.StandardCharsets;

/** Key and value names: stored as Latin-1 ("compressed") when they can be, else UTF-16LE. */
public final class Names {
    private Names() {
    }

    public static String decode(byte[] data, int pos, int length, boolean compressed) {
        return compressed ? new String(data, pos, length, StandardCharsets.ISO_8859_1)
            : new String(data, pos, length & ~1, StandardCharsets.UTF_16LE);
    }

    public static boolean fitsLatin1(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(String name) {
        return fitsLatin1(name) ? name.getBytes(StandardCharsets.ISO_8859_1) : name.getBytes(StandardCharsets.UTF_16LE);
    }

    /** Windows compares names by upper-casing each UTF-16 code unit. */
    public static char upcase(char c) {
        return c < 'a' ? c : c <= 'z' ? (char) (c - 32) : Character.toUpperCase(c);
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = upcase(a.charAt(i)) - upcase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    public static boolean equal(String a, String b) {
        return a.length() == b.length() && compare(a, b) == 0;
    }
}
