package org.fenestra.compress.lzms;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * LZMS Huffman/verbatim bitstream: 16-bit little-endian units read backwards from the end of
 * the chunk, each unit's bits from most to least significant. Past the start of the chunk,
 * zero ("phantom") bits are supplied; {@link #overrun()} tells whether any was consumed.
 */
final class BackwardBitReader {

    private static final VarHandle LE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    byte[] in;
    /** One past the next unit to load (moving down). */
    int pos;
    int begin;
    long buf;
    int bits;
    int phantom;

    void reset(byte[] in, int off, int len) {
        this.in = in;
        this.begin = off;
        this.pos = off + len;
        this.buf = 0;
        this.bits = 0;
        this.phantom = 0;
    }

    /** Loads whole units until more than 48 bits are buffered. Call only with bits <= 48. */
    void refill() {
        int b = bits;
        int p = pos;
        if (p - 8 >= begin) {
            // The unit at the highest address comes first: a little-endian load of the
            // 8 bytes below p already has the units in reading order, top down.
            long x = (long) LE64.get(in, p - 8);
            int units = (64 - b) >>> 4;
            buf |= (x & (-1L << (64 - (units << 4)))) >>> b;
            bits = b + (units << 4);
            pos = p - (units << 1);
            return;
        }
        while (b <= 48) {
            long w;
            if (p - 2 >= begin) {
                p -= 2;
                w = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
            } else {
                w = 0;
                phantom += 16;
            }
            buf |= w << (48 - b);
            b += 16;
        }
        bits = b;
        pos = p;
    }

    /** Reads {@code n <= 32} bits. */
    int read(int n) {
        if (bits < n) {
            refill();
        }
        int v = (int) ((buf >>> 1) >>> (63 - n));
        buf <<= n;
        bits -= n;
        return v;
    }

    boolean overrun() {
        return phantom > bits;
    }
}
