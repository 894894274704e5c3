package org.fenestra.compress.lzms;

import static org.fenestra.compress.lzms.LzmsTables.*;

/** Fast value-to-slot lookups for the encoder (the inverse of the {@link LzmsTables} bases). */
final class LzmsSlots {

    private static final int SMALL = 1 << 16;
    private static final short[] OFFSET_SLOT = new short[SMALL];
    /** Offsets from {@link #SMALL} up to 64 MiB: the slot of the lowest offset in each 2 KiB step. */
    private static final int STEP_BITS = 11;
    private static final short[] OFFSET_STEP_SLOT = new short[(1 << 26) >>> STEP_BITS];
    private static final byte[] LENGTH_SLOT = new byte[SMALL];

    static {
        int s = 0;
        for (int v = 1; v < SMALL; v++) {
            while (OFFSET_BASE[s + 1] <= v) {
                s++;
            }
            OFFSET_SLOT[v] = (short) s;
        }
        for (int k = SMALL >>> STEP_BITS; k < OFFSET_STEP_SLOT.length; k++) {
            while (OFFSET_BASE[s + 1] <= k << STEP_BITS) {
                s++;
            }
            OFFSET_STEP_SLOT[k] = (short) s;
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
        int step = offset >>> STEP_BITS;
        if (step < OFFSET_STEP_SLOT.length) { // slots there are at least a step wide: a few steps at most
            int s = OFFSET_STEP_SLOT[step];
            while (OFFSET_BASE[s + 1] <= offset) {
                s++;
            }
            return s;
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
