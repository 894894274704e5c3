package org.fenestra.compress.lzx;

/**
 * LZX alphabet and offset-slot facts (LZX as in MS-PATCH, WIM variant).
 *
 * <p>Main symbols: 0..255 literals; {@code 256 + slot * 8 + lenHeader} a match, where
 * {@code lenHeader} 0..6 means length {@code lenHeader + 2} and 7 means "length symbol
 * follows" (length {@code 9 + lengthSymbol}, 249 length symbols). Offset slots 0..2 are the
 * recent offsets R0..R2; slot {@code s >= 3} encodes offset {@code SLOT_BASE[s] + extra},
 * with {@code EXTRA_BITS[s]} extra bits (the formatted offset minus the 2 rep slots).
 */
final class LzxConstants {

    static final int NUM_CHARS = 256;
    static final int MIN_MATCH = 2;
    static final int NUM_PRIMARY_LENS = 7;
    static final int LEN_SYMS = 249;
    static final int PRECODE_SYMS = 20;
    static final int ALIGNED_SYMS = 8;
    static final int MAX_OFFSET_SLOTS = 50;
    static final int MAX_MAIN_SYMS = NUM_CHARS + MAX_OFFSET_SLOTS * 8;
    static final int MIN_ALIGNED_SLOT = 8;
    static final int DEFAULT_BLOCK_SIZE = 32768;
    /** The E8 translation "file size" that WIM always uses. */
    static final int E8_FILE_SIZE = 12_000_000;

    static final int[] EXTRA_BITS = new int[MAX_OFFSET_SLOTS];
    static final int[] SLOT_BASE = new int[MAX_OFFSET_SLOTS + 1];

    static {
        // Extra bits: 0,0,0,0,1,1,2,2,...,16,16, then 17 for all remaining slots.
        for (int s = 0; s < MAX_OFFSET_SLOTS; s++) {
            EXTRA_BITS[s] = s < 4 ? 0 : Math.min(17, (s - 2) >> 1);
        }
        SLOT_BASE[0] = -2;
        for (int s = 0; s < MAX_OFFSET_SLOTS; s++) {
            SLOT_BASE[s + 1] = SLOT_BASE[s] + (1 << EXTRA_BITS[s]);
        }
    }

    private LzxConstants() {
    }

    /** Main alphabet size for a window of {@code 1 << order} bytes (15 <= order <= 21). */
    static int numMainSymbols(int order) {
        // The largest offset is windowSize - 3 (a match may not start at the first byte
        // and reach the last); count the slots needed to express it.
        int maxOffset = (1 << order) - MIN_MATCH - 1;
        int slots = 30;
        while (maxOffset >= SLOT_BASE[slots]) {
            slots++;
        }
        return NUM_CHARS + slots * 8;
    }
}
