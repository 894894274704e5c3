package org.fenestra.wim.internal.format;

/** UTF-16LE names as stored in WIMs, kept code unit for code unit (unpaired surrogates too). */
public final class Utf16 {
    private Utf16() {
    }

    /** Decodes {@code nbytes} (even) bytes; unlike {@link String#String(byte[], java.nio.charset.Charset)}, never substitutes. */
    public static String decode(byte[] b, int off, int nbytes) {
        char[] c = new char[nbytes / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) LittleEndian.u16(b, off + 2 * i);
        }
        return new String(c);
    }

    /** True if the string has a surrogate without its partner (not representable in UTF-8). */
    public static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(ch)) {
                return true;
            }
        }
        return false;
    }
}
