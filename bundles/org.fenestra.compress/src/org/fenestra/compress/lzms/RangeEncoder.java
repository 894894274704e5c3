package org.fenestra.compress.lzms;

/**
 * LZMS binary range encoder, the inverse of {@link RangeDecoder}: writes 16-bit
 * little-endian units forwards from the start of the output. The low end of the interval
 * is kept in 33 bits (the top one a pending carry); a unit is held back while it could
 * still be changed by a carry, together with a run of following 0xFFFF units that a carry
 * would wrap to zero.
 *
 * <p>Writes never leave {@code [begin, end)}: once the output is full the units are dropped,
 * and {@link #overflowed()} says so.
 */
final class RangeEncoder {

    private byte[] out;
    private int begin;
    private int next;
    private int end;
    private long low;
    private int range;
    private int cache;
    private int cacheSize;

    /** Starts writing at {@code out[off]} with room for {@code capacity} bytes (rounded down to even). */
    void reset(byte[] out, int off, int capacity) {
        this.out = out;
        this.begin = off;
        this.next = off - 2; // the first "unit" shifted out is the empty top of the initial low
        this.end = off + (capacity & ~1);
        this.low = 0;
        this.range = 0xFFFF_FFFF;
        this.cache = 0;
        this.cacheSize = 1;
    }

    /** Encodes {@code bit} where the chance of a 0 is {@code prob}/64 ({@code 1 <= prob <= 63}). */
    void encode(int bit, int prob) {
        if ((range & 0xFFFF_0000) == 0) {
            range <<= 16;
            shiftLow();
        }
        int bound = (range >>> 6) * prob;
        if (bit == 0) {
            range = bound;
        } else {
            low += bound & 0xFFFF_FFFFL;
            range -= bound;
        }
    }

    private void shiftLow() {
        if ((low & 0xFFFF_FFFFL) < 0xFFFF_0000L || (low >>> 32) != 0) {
            int carry = (int) (low >>> 32);
            do {
                if (next >= begin && next != end) {
                    int unit = cache + carry;
                    out[next] = (byte) unit;
                    out[next + 1] = (byte) (unit >>> 8);
                }
                if (next != end) {
                    next += 2;
                }
                cache = 0xFFFF;
            } while (--cacheSize != 0);
            cache = (int) (low >>> 16) & 0xFFFF;
        }
        cacheSize++;
        low = (low & 0xFFFF) << 16;
    }

    /** Flushes the pending units; returns the number of bytes written from the start. */
    int finish() {
        for (int i = 0; i < 4; i++) {
            shiftLow();
        }
        return next - begin;
    }

    /** Position one past the last unit written so far (pending units not counted). */
    int position() {
        return next;
    }

    /** Whether a unit had to be dropped for lack of room. */
    boolean overflowed() {
        return next == end;
    }
}
