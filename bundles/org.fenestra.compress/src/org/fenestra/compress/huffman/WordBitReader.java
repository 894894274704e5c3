package org.fenestra.compress.huffman;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Forward bit reader for XPRESS and LZX: the bitstream is a sequence of 16-bit
 * little-endian coding units, and within each unit bits are consumed from the most
 * significant to the least significant.
 *
 * <p>Bits are held left-justified in a 64-bit buffer that is refilled several units at a
 * time. Reading past the end of the input yields zero bits ("phantom" bits, as wimlib
 * does); {@link #overrun()} tells whether any phantom bit was actually consumed, which a
 * decoder checks once at the end of a chunk (valid data never consumes them).
 *
 * <p>The fields are public so the codec loops can keep the hot path free of calls; the
 * methods below are the reference for how they are meant to be used.
 */
public final class WordBitReader {

    private static final VarHandle BE64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Input array. */
    public byte[] in;
    /** Index of the next unit to load; may run past {@link #end} while loading phantom units. */
    public int pos;
    /** End of the input (exclusive). */
    public int end;
    /** Left-justified unread bits. */
    public long buf;
    /** Number of valid bits in {@link #buf} (0..64). */
    public int bits;
    /** How many of the lowest valid bits of {@link #buf} are phantom (past the input). */
    public int phantom;

    public void reset(byte[] in, int off, int len) {
        this.in = in;
        this.pos = off;
        this.end = off + len;
        this.buf = 0;
        this.bits = 0;
        this.phantom = 0;
    }

    /** Makes at least {@code n} bits available ({@code n <= 48}). */
    public void ensure(int n) {
        if (bits < n) {
            refill();
        }
    }

    /** Loads whole units until more than 48 bits are buffered. */
    public void refill() {
        int b = bits;
        int p = pos;
        if (p <= end - 8) {
            long x = (long) BE64.get(in, p);
            // bytes b0 b1 b2 ... -> units (b1 b0) (b3 b2) ... from the top
            x = ((x >>> 8) & 0x00FF_00FF_00FF_00FFL) | ((x & 0x00FF_00FF_00FF_00FFL) << 8);
            int units = (64 - b) >>> 4;
            buf |= (x & (-1L << (64 - (units << 4)))) >>> b;
            bits = b + (units << 4);
            pos = p + (units << 1);
            return;
        }
        while (b <= 48) {
            long w;
            if (p <= end - 2) {
                w = (in[p] & 0xFF) | (in[p + 1] & 0xFF) << 8;
            } else {
                w = 0;
                phantom += 16;
            }
            p += 2;
            buf |= w << (48 - b);
            b += 16;
        }
        bits = b;
        pos = p;
    }

    /** The next {@code n} bits ({@code 0 <= n <= 32}), not consumed; they must be buffered. */
    public int peek(int n) {
        return (int) ((buf >>> 1) >>> (63 - n));
    }

    public void skip(int n) {
        buf <<= n;
        bits -= n;
    }

    /** Reads {@code n} bits ({@code 0 <= n <= 32}), refilling as needed ({@code n <= 48}). */
    public int read(int n) {
        if (bits < n) {
            refill();
        }
        int v = (int) ((buf >>> 1) >>> (63 - n));
        buf <<= n;
        bits -= n;
        return v;
    }

    /** True if any bit past the end of the input has been consumed. */
    public boolean overrun() {
        return phantom > bits;
    }

    /**
     * Gives back the {@code units} most recently loaded (and wholly unread) units, so that
     * {@link #pos} becomes the byte position just after the unit holding the next unread bit.
     */
    public void unload(int units) {
        int drop = units << 4;
        bits -= drop;
        buf = bits == 0 ? 0 : buf & (-1L << (64 - bits));
        phantom = Math.max(0, phantom - drop);
        pos -= units << 1;
    }

    /** Discards all buffered bits; the next read starts at the unit at {@code newPos}. */
    public void restartAt(int newPos) {
        pos = newPos;
        buf = 0;
        bits = 0;
        phantom = 0;
    }

    /** Position of the current (partially) unread unit's end, in bytes: input consumed so far. */
    public int bytePosition() {
        return pos - ((bits >>> 4) << 1);
    }
}
