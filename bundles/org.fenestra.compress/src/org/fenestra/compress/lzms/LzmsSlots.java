package org.fenestra.compress.lzms;

import static org.fenestra.compress.lzms.LzmsTables.*;

/** Fast value-to-slot lookups for the encoder (the inverse of the {@link LzmsTables} bases). */
final class LzmsSlots {

    private static final int SMALL = 1 << 16;
    private static final short[] OFFSET_SLOT = new short[SMALL];
    private static final byte[] LENGTH_SLOT = new byte[SMALL];

    static {
        int s = 0;
        for (int v = 1; v < SMALL; v++) {
            while (OFFSET_BASE[s + 1] <= v) {
                s++;
            }
            OFFSET_SLOT[v] = (short) s;
        }
        s = 0;
        for (int v = 1; v < SMALL; v++) {
            while (LENGTH_BASE[s + 1] <= v) {
                s++;
            }
            LENGTH_SLOT[v] = (byte) s;
        }
    }

    private LzmsSlots() {
    }

    /** Slot of an offset (or delta raw offset) {@code >= 1}. */
    static int offsetSlot(int offset) {
        if (offset < SMALL) {
            return OFFSET_SLOT[offset];
        }
        return search(OFFSET_BASE, OFFSET_SLOT[SMALL - 1], MAX_OFFSET_SLOTS - 1, offset);
    }

    /** Slot of a match length {@code >= 1}. */
    static int lengthSlot(int length) {
        if (length < SMALL) {
            return LENGTH_SLOT[length];
        }
        return search(LENGTH_BASE, LENGTH_SLOT[SMALL - 1], NUM_LENGTH_SLOTS - 1, length);
    }

    /** The last slot in {@code [lo, hi]} whose base is {@code <= v}. */
    private static int search(int[] base, int lo, int hi, int v) {
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (base[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
