package org.fenestra.compress.lzms;

import java.util.Arrays;

import org.fenestra.compress.matchfinder.LzBytes;

/**
 * Finds LZMS delta matches: runs whose byte-wise differences at span {@code 1 << power}
 * repeat those found {@code offset} bytes earlier ({@code offset} a multiple of the span),
 * as in arrays of counters or samples. One hash table for all spans, keyed by the next
 * three differences, the span and the position modulo the span, holds the latest position
 * per key; a hit is checked and extended. Powers 0..{@value #POWERS}-1 are tried.
 */
final class DeltaMatchFinder {

    static final int POWERS = 6;
    /** Shortest delta match reported (the hashed bytes). */
    static final int MIN_LEN = 3;

    private static final int HASH_BITS = 17;

    private final int[] table = new int[1 << HASH_BITS];
    /** The hashed key of each entry, so that most misses are rejected without reading the candidate. */
    private final int[] keys = new int[1 << HASH_BITS];
    private int base = 1;
    private int size;

    /** Results of the last {@link #find}: per power, length (0 if none) and offset. */
    final int[] lens = new int[POWERS];
    final int[] offsets = new int[POWERS];

    void reset(int size) {
        long newBase = (long) base + this.size;
        if (newBase + size >= Integer.MAX_VALUE) {
            Arrays.fill(table, 0);
            newBase = 1;
        }
        base = (int) newBase;
        this.size = size;
    }

    /**
     * Inserts position {@code p} of {@code in} for every power and fills {@link #lens} /
     * {@link #offsets} with the matches found, at most {@code maxLen} long. Needs
     * {@code p + 3 <= } the data end.
     */
    void find(byte[] in, int p, int maxLen) {
        for (int power = 0; power < POWERS; power++) {
            lens[power] = 0;
            int span = 1 << power;
            if (p < span) {
                continue;
            }
            int key = key(in, p, span);
            int h = LzBytes.hash(key, HASH_BITS);
            int cand = table[h] - base;
            int candKey = keys[h];
            table[h] = p + base;
            keys[h] = key;
            if (cand < span || candKey != key) { // empty, or another key
                continue;
            }
            int offset = p - cand;
            if ((offset & (span - 1)) != 0 || offset <= 0) {
                continue;
            }
            int m = cand;
            int len = extend(in, p, m, span, MIN_LEN, maxLen); // the key holds the first three differences
            if (len >= MIN_LEN) {
                lens[power] = len;
                offsets[power] = offset;
            }
        }
    }

    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Byte-wise differences {@code x - y} of 8 lanes at once (no borrow between lanes). */
    private static long differences(long x, long y) {
        return ((x | HIGH_BITS) - (y & ~HIGH_BITS)) ^ ((x ^ ~y) & HIGH_BITS);
    }

    /** Extends a delta match of {@code len} bytes at {@code p} against {@code m}, 8 bytes per step. */
    private static int extend(byte[] in, int p, int m, int span, int len, int maxLen) {
        while (len + 8 <= maxLen) {
            long dp = differences(LzBytes.le64(in, p + len), LzBytes.le64(in, p + len - span));
            long dm = differences(LzBytes.le64(in, m + len), LzBytes.le64(in, m + len - span));
            if (dp != dm) {
                return len + (Long.numberOfTrailingZeros(dp ^ dm) >>> 3);
            }
            len += 8;
        }
        while (len < maxLen && (byte) (in[p + len] - in[p + len - span]) == (byte) (in[m + len] - in[m + len - span])) {
            len++;
        }
        return len;
    }

    /** Inserts positions {@code p .. p + count - 1} without searching (as far as 3 bytes remain). */
    void skip(byte[] in, int p, int count) {
        int end = Math.min(p + count, size - MIN_LEN + 1);
        for (; p < end; p++) {
            for (int power = 0; power < POWERS; power++) {
                int span = 1 << power;
                if (p >= span) {
                    int key = key(in, p, span);
                    int h = LzBytes.hash(key, HASH_BITS);
                    table[h] = p + base;
                    keys[h] = key;
                }
            }
        }
    }

    /** The span, the position modulo the span and the next three differences, in 32 bits. */
    private static int key(byte[] in, int p, int span) {
        int d0 = (in[p] - in[p - span]) & 0xFF;
        int d1 = (in[p + 1] - in[p + 1 - span]) & 0xFF;
        int d2 = (in[p + 2] - in[p + 2 - span]) & 0xFF;
        return (span + (p & (span - 1))) << 24 | d2 << 16 | d1 << 8 | d0;
    }
}
