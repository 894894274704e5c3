package org.fenestra.compress.matchfinder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte-level helpers for match finding: unaligned little-endian loads, multiplicative
 * hashing and match extension. Buffers handed to the match finders must have at least
 * {@link #PADDING} readable bytes after the last byte of the data (their value does not
 * matter): word loads may read that far, though matches never extend into the padding.
 */
public final class LzBytes {

    /** Readable slack needed after the data for word-at-a-time loads. */
    public static final int PADDING = 16;

    private static final VarHandle LE32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private LzBytes() {
    }

    public static int le32(byte[] b, int p) {
        return (int) LE32.get(b, p);
    }

    public static int le16(byte[] b, int p) {
        return (short) LE16.get(b, p) & 0xFFFF;
    }

    public static long le64(byte[] b, int p) {
        return (long) LE64.get(b, p);
    }

    /** The top {@code bits} bits of the product of {@code seq} with a large odd constant. */
    public static int hash(int seq, int bits) {
        return (seq * 0x1E35A7BD) >>> (32 - bits);
    }

    /**
     * Extends a match between {@code b[cur..]} and {@code b[match..]} ({@code match < cur})
     * that is already known to be {@code len} bytes long, up to {@code maxLen}; returns the
     * final length.
     */
    public static int extend(byte[] b, int cur, int match, int len, int maxLen) {
        while (len + 8 <= maxLen) {
            long x = (long) LE64.get(b, cur + len) ^ (long) LE64.get(b, match + len);
            if (x != 0) {
                return len + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            len += 8;
        }
        while (len < maxLen && b[cur + len] == b[match + len]) {
            len++;
        }
        return len;
    }
}
