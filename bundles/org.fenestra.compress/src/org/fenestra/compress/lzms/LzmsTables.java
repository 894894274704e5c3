package org.fenestra.compress.lzms;

/**
 * LZMS slot tables. A match offset (or delta raw offset) is coded as a Huffman slot symbol
 * plus {@code OFFSET_EXTRA_BITS[slot]} verbatim bits added to {@code OFFSET_BASE[slot]};
 * lengths likewise with the length tables. Bases start at 1 and each slot covers
 * {@code 1 << extraBits} values, so the bases follow from the extra-bit counts, which are
 * given here as (bits, number of slots) runs.
 */
final class LzmsTables {

    static final int MAX_OFFSET_SLOTS = 799;
    static final int NUM_LENGTH_SLOTS = 54;

    private static final int[] OFFSET_RUNS = {
        0, 8, 2, 9, 3, 7, 4, 10, 5, 15, 6, 15, 7, 20, 8, 20, 9, 30, 10, 33, 11, 40, 12, 42,
        13, 45, 14, 60, 15, 73, 16, 80, 17, 85, 18, 95, 19, 105, 20, 6, 30, 1,
    };
    private static final int[] LENGTH_RUNS = {
        0, 26, 1, 4, 2, 6, 3, 4, 4, 5, 5, 2, 6, 1, 7, 1, 8, 1, 9, 1, 10, 1, 16, 1, 30, 1,
    };

    static final byte[] OFFSET_EXTRA_BITS = expand(OFFSET_RUNS, MAX_OFFSET_SLOTS);
    static final int[] OFFSET_BASE = bases(OFFSET_EXTRA_BITS);
    static final byte[] LENGTH_EXTRA_BITS = expand(LENGTH_RUNS, NUM_LENGTH_SLOTS);
    static final int[] LENGTH_BASE = bases(LENGTH_EXTRA_BITS);

    private LzmsTables() {
    }

    private static byte[] expand(int[] runs, int n) {
        byte[] bits = new byte[n];
        int i = 0;
        for (int r = 0; r < runs.length; r += 2) {
            for (int k = 0; k < runs[r + 1]; k++) {
                bits[i++] = (byte) runs[r];
            }
        }
        if (i != n) {
            throw new AssertionError("slot table has " + i + " entries, expected " + n);
        }
        return bits;
    }

    /** Bases for each slot, plus one extra entry: one past the largest codable value. */
    private static int[] bases(byte[] extraBits) {
        int[] base = new int[extraBits.length + 1];
        long b = 1;
        for (int s = 0; s < extraBits.length; s++) {
            base[s] = (int) b;
            b += 1L << extraBits[s];
        }
        base[extraBits.length] = (int) Math.min(b, Integer.MAX_VALUE);
        return base;
    }

    /** Number of offset slots needed for a chunk of {@code size} bytes (offsets up to size - 1). */
    static int numOffsetSlots(int size) {
        if (size < 2) {
            return 0;
        }
        int maxOffset = size - 1;
        int lo = 0;
        int hi = MAX_OFFSET_SLOTS - 1;
        while (lo < hi) { // last slot whose base <= maxOffset
            int mid = (lo + hi + 1) >>> 1;
            if (OFFSET_BASE[mid] <= maxOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
