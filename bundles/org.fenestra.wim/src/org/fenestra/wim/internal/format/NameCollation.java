package org.fenestra.wim.internal.format;

import java.util.Comparator;

/**
 * Order of names in a directory, as wimlib and NTFS sort them: UTF-16 code units compared
 * after upper-casing, then case-sensitively, then by length.
 *
 * <p>Upper-casing uses Java's simple per-code-unit mapping; NTFS uses its own upcase table,
 * which agrees for the scripts in common use.
 */
public final class NameCollation implements Comparator<String> {
    public static final NameCollation INSTANCE = new NameCollation();

    private NameCollation() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = Character.toUpperCase(a.charAt(i));
            char y = Character.toUpperCase(b.charAt(i));
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
