package org.fenestra.compress.lzx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * LZX's x86 CALL (0xE8) translation, both ways. The compressor replaces the 32-bit relative
 * target after each E8 byte at position {@code i} by an absolute one, using the fixed WIM
 * "file size" 12000000: undo maps {@code abs} in {@code [0, 12000000)} to {@code abs - i} and
 * {@code abs} in {@code [-i, 0)} to {@code abs + 12000000}, other values stay. The 4 bytes after
 * an E8 are skipped whether or not they were changed. E8 bytes in the last 10 bytes of the
 * chunk are not translated, and chunks of 10 bytes or fewer are left alone.
 */
final class E8Filter {

    private static final VarHandle LE32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private E8Filter() {
    }

    /**
     * Applies the translation (compressor side): a relative target {@code rel} after an E8
     * at position {@code i} with {@code -i <= rel < 12000000} becomes {@code rel + i} if that
     * is below 12000000, else {@code rel - 12000000}; same positions as {@link #undo}.
     */
    static void apply(byte[] b, int off, int size) {
        translate(b, off, size, 0, LzxConstants.E8_FILE_SIZE, true);
    }

    static void undo(byte[] b, int off, int size) {
        translate(b, off, size, 0, LzxConstants.E8_FILE_SIZE, false);
    }

    /**
     * The CAB flavour: {@code b[off]} is at {@code position} of the stream (CAB frames are
     * translated with their offset in the folder) and the file size comes from the stream header.
     */
    static void apply(byte[] b, int off, int size, int position, int fileSize) {
        translate(b, off, size, position, fileSize, true);
    }

    static void undo(byte[] b, int off, int size, int position, int fileSize) {
        translate(b, off, size, position, fileSize, false);
    }

    /** Finds the E8 bytes both directions consider and rewrites the 32-bit operand after each. */
    private static void translate(byte[] b, int off, int size, int position, int fileSize, boolean encode) {
        if (size <= 10) {
            return;
        }
        final int limit = off + size - 10; // E8 at positions < limit are considered
        int p = off;
        while (p < limit) {
            // Skip 8 bytes at a time while none of them is 0xE8.
            if (p + 8 <= limit) {
                long v = (long) LE64.get(b, p) ^ 0xE8E8_E8E8_E8E8_E8E8L;
                if (((v - 0x0101_0101_0101_0101L) & ~v & 0x8080_8080_8080_8080L) == 0) {
                    p += 8;
                    continue;
                }
            }
            if (b[p] != (byte) 0xE8) {
                p++;
                continue;
            }
            int i = position + (p - off);
            int operand = (int) LE32.get(b, p + 1);
            if (encode) {
                if (operand >= -i && operand < fileSize) {
                    LE32.set(b, p + 1, operand < fileSize - i ? operand + i : operand - fileSize);
                }
            } else if (operand >= 0) {
                if (operand < fileSize) {
                    LE32.set(b, p + 1, operand - i);
                }
            } else if (operand >= -i) {
                LE32.set(b, p + 1, operand + fileSize);
            }
            p += 5;
        }
    }
}
