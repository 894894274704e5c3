package org.fenestra.compress.lzms;

import java.util.Arrays;

/**
 * LZMS's x86 address translation, both ways: the compressor applies it to every chunk of
 * more than 17 bytes before coding (relative operands become absolute, which repeat more),
 * the decompressor undoes it after decoding. Both walk the same candidates ({@link #translate}).
 *
 * <p>Scanning from byte 1 while the position is below {@code size - 16}, candidate
 * instructions at position {@code i} are: {@code FF 15} (2 opcode bytes), {@code F0 83 05}
 * (3), {@code 48|4C 8D modrm} and {@code 48 8B modrm} with {@code (modrm & 7) == 5} (for
 * 8B also {@code (modrm & 0xF0) == 0}) (3), and {@code E8} (1, with half the translation
 * window); {@code E9} skips 4 bytes. For a candidate, the 32-bit operand after the opcode
 * bytes is translated back ({@code - i}) when {@code i} lies within 1023 bytes (511 for E8)
 * of the last position judged to be x86 code. A position is judged x86 code when the same
 * 16-bit target ({@code i +} low 16 bits of the now-relative operand) was used within the
 * last 65535 bytes. Positions compared are those of the operand's last byte.
 */
final class X86Filter {

    private static final int MAX_TRANSLATION_OFFSET = 1023;
    private static final int ID_WINDOW = 65535;

    private static final boolean[] CANDIDATE = new boolean[256];

    static {
        for (int op : new int[] {0x48, 0x4C, 0xE8, 0xE9, 0xF0, 0xFF}) {
            CANDIDATE[op] = true;
        }
    }

    private final int[] lastTargetUse = new int[65536];

    /** Compressor side: relative operands to absolute. */
    void apply(byte[] b, int off, int size) {
        translate(b, off, size, true);
    }

    /** Decompressor side: absolute operands back to relative. */
    void undo(byte[] b, int off, int size) {
        translate(b, off, size, false);
    }

    private void translate(byte[] b, int off, int size, boolean encode) {
        if (size <= 17) {
            return;
        }
        Arrays.fill(lastTargetUse, -ID_WINDOW - 1);
        int lastX86 = -MAX_TRANSLATION_OFFSET - 1;
        final int tail = size - 16;
        int i = 1;
        while (i < tail) {
            int op = b[off + i] & 0xFF;
            if (!CANDIDATE[op]) {
                i++;
                continue;
            }
            int opLen;
            int window = MAX_TRANSLATION_OFFSET;
            switch (op) {
                case 0xFF:
                    if (b[off + i + 1] != 0x15) {
                        i++;
                        continue;
                    }
                    opLen = 2;
                    break;
                case 0xF0:
                    if (b[off + i + 1] != (byte) 0x83 || b[off + i + 2] != 0x05) {
                        i++;
                        continue;
                    }
                    opLen = 3;
                    break;
                case 0x48:
                case 0x4C: {
                    int op2 = b[off + i + 1] & 0xFF;
                    int modrm = b[off + i + 2] & 0xFF;
                    if ((modrm & 0x07) == 0x05
                            && (op2 == 0x8D || (op2 == 0x8B && (op & 0x04) == 0 && (modrm & 0xF0) == 0))) {
                        opLen = 3;
                        break;
                    }
                    i++;
                    continue;
                }
                case 0xE8:
                    opLen = 1;
                    window >>= 1;
                    break;
                case 0xE9:
                    i += 5;
                    continue;
                default:
                    i++;
                    continue;
            }
            int at = off + i + opLen;
            boolean inWindow = i - lastX86 <= window;
            int target = 0;
            if (encode) {
                target = (i + le16(b, at)) & 0xFFFF;
            }
            if (inWindow) {
                int n = le32(b, at) + (encode ? i : -i);
                b[at] = (byte) n;
                b[at + 1] = (byte) (n >>> 8);
                b[at + 2] = (byte) (n >>> 16);
                b[at + 3] = (byte) (n >>> 24);
            }
            if (!encode) {
                target = (i + le16(b, at)) & 0xFFFF;
            }
            int last = i + opLen + 3;
            if (last - lastTargetUse[target] <= ID_WINDOW) {
                lastX86 = last;
            }
            lastTargetUse[target] = last;
            i = last + 1;
        }
    }

    private static int le16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
