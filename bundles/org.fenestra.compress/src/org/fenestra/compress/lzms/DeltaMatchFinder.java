package org.fenestra.compress.lzms;

import java.util.Arrays;

import org.fenestra.compress.matchfinder.LzBytes;

/**
 * Finds LZMS delta matches: runs whose byte-wise differences at span {@code 1 << power}
 * repeat those found {@code offset} bytes earlier ({@code offset} a multiple of the span),
 * as in arrays of counters or samples. One hash table for all spans, keyed by the next
 * three differences, the span and the position modulo the span, holds the latest position
 * per key; a hit is checked and extended. Powers 0..{@value #POWERS}-1 are tried.
 *
 * <p>Each entry also keeps its key and the four differences after it, so a hit's length is
 * known up to {@value #KNOWN_LEN} without reading the candidate's bytes: most hits are that
 * short, and the candidate, anywhere in a 64 MiB window, would be a cache miss.
 */
final class DeltaMatchFinder {

    static final int POWERS = 6;
    /** Shortest delta match reported (the hashed bytes). */
    static final int MIN_LEN = 3;

    private static final int HASH_BITS = 17;
    /** Length of a hit whose key and four next differences all match (without reading the candidate). */
    private static final int KNOWN_LEN = MIN_LEN + 4;

    private final int[] table = new int[1 << HASH_BITS];
    /** Per entry: its key (low half), so that other keys are rejected, and the next four differences. */
    private final long[] keys = new long[1 << HASH_BITS];
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
            long entry = entry(in, p, span);
            int key = (int) entry;
            int h = LzBytes.hash(key, HASH_BITS);
            int cand = table[h] - base;
            long candEntry = keys[h];
            table[h] = p + base;
            keys[h] = entry;
            if (cand < span || (int) candEntry != key) { // empty, or another key
                continue;
            }
            int offset = p - cand;
            if ((offset & (span - 1)) != 0 || offset <= 0) {
                continue;
            }
            int next = (int) (candEntry >>> 32) ^ (int) (entry >>> 32);
            int len = next != 0 ? Math.min(maxLen, MIN_LEN + (Integer.numberOfTrailingZeros(next) >>> 3))
                    : extend(in, p, cand, span, Math.min(KNOWN_LEN, maxLen), maxLen);
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
                    long entry = entry(in, p, span);
                    int h = LzBytes.hash((int) entry, HASH_BITS);
                    table[h] = p + base;
                    keys[h] = entry;
                }
            }
        }
    }

    /**
     * The entry for position {@code p}: in the low half the key (the span and the position
     * modulo the span in the top byte, the next three differences below), in the high half the
     * four differences after those. (Reads 8 bytes: the buffer's padding covers the end.)
     */
    private static long entry(byte[] in, int p, int span) {
        long d = differences(LzBytes.le64(in, p), LzBytes.le64(in, p - span));
        int key = (span + (p & (span - 1))) << 24 | (int) d & 0xFFFFFF;
        return key & 0xFFFFFFFFL | (d >>> 24) << 32;
    }
}
