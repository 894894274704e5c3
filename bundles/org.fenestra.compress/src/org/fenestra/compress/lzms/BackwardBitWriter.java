package org.fenestra.compress.lzms;

/**
 * The inverse of {@link BackwardBitReader}: bits are packed most significant first into
 * 16-bit little-endian units stored backwards from the end of the output. Units that would
 * go below the start are dropped and the writer reports {@link #overflowed()}.
 */
final class BackwardBitWriter {

    private byte[] out;
    private int begin;
    private int next;
    private long buf;
    private int count;
    private boolean overflow;

    /** Writes downwards from {@code out[off + (capacity & ~1)]}, never below {@code out[off]}. */
    void reset(byte[] out, int off, int capacity) {
        this.out = out;
        this.begin = off;
        this.next = off + (capacity & ~1);
        this.buf = 0;
        this.count = 0;
        this.overflow = false;
    }

    /** Writes the low {@code n <= 32} bits of {@code bits}, most significant first. */
    void write(int bits, int n) {
        buf = buf << n | (bits & 0xFFFF_FFFFL);
        count += n;
        while (count >= 16) {
            count -= 16;
            emit((int) (buf >>> count));
        }
    }

    private void emit(int unit) {
        if (next - 2 < begin) {
            overflow = true;
            return;
        }
        next -= 2;
        out[next] = (byte) unit;
        out[next + 1] = (byte) (unit >>> 8);
    }

    /** Pads the last partial unit with zero bits; returns the position of the lowest unit. */
    int finish() {
        if (count != 0) {
            emit((int) (buf << (16 - count)));
            count = 0;
        }
        return next;
    }

    /** Position of the lowest unit written so far. */
    int position() {
        return next;
    }

    boolean overflowed() {
        return overflow;
    }
}
