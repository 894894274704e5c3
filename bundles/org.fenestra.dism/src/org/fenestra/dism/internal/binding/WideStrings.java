package org.fenestra.dism.internal.binding;

import com.sun.jna.Pointer;

/** Reads the {@code PCWSTR} fields DISM returns: NUL-terminated UTF-16, whatever the platform's {@code wchar_t}. */
public final class WideStrings {

    /**
     * No DISM string comes near this (paths are at most 32,767 characters); a string without
     * its NUL within it is corrupt, and reading on would run through foreign memory.
     */
    public static final int MAX_CHARS = 1 << 16;

    private WideStrings() {
    }

    /**
     * The string at {@code pointer}, {@code null} for a NULL pointer. Read as 16-bit units: JNA's
     * char accessors ({@code getChar}, {@code getWideString}) use the platform's {@code wchar_t},
     * which is 32-bit on Linux.
     */
    public static String read(Pointer pointer) {
        if (pointer == null) {
            return null;
        }
        int length = 0;
        while (pointer.getShort((long) length * Short.BYTES) != 0) {
            length++;
            if (length > MAX_CHARS) {
                throw new IllegalStateException("DISM returned a string without its terminating NUL within "
                        + MAX_CHARS + " characters");
            }
        }
        short[] units = pointer.getShortArray(0, length);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) units[i];
        }
        return new String(chars);
    }
}
