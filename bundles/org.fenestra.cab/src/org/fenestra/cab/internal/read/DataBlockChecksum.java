package org.fenestra.cab.internal.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The CFDATA checksum of MS-CAB: the XOR of the data taken as little-endian 32-bit words, the
 * 1-3 trailing bytes folded in most significant first ({@code b0 << 16 | b1 << 8 | b2}), then
 * the same over the block's 4 bytes of cbData and cbUncomp. A stored checksum of 0 means none.
 */
public final class DataBlockChecksum {

    private static final VarHandle LE64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private DataBlockChecksum() {
    }

    public static int compute(byte[] data, int off, int len, int seed) {
        long x = 0;
        int p = off;
        final int end8 = off + (len & ~7);
        while (p < end8) {
            x ^= (long) LE64.get(data, p);
            p += 8;
        }
        int sum = seed ^ (int) x ^ (int) (x >>> 32);
        if ((len & 4) != 0) {
            sum ^= (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF) << 16 | (data[p + 3] & 0xFF) << 24;
            p += 4;
        }
        int tail = 0;
        for (int end = off + len; p < end; p++) {
            tail = tail << 8 | (data[p] & 0xFF);
        }
        return sum ^ tail;
    }
}
