package org.fenestra.compress.matchfinder;

import java.util.Arrays;

/**
 * Hash-chain match finder for greedy and lazy parsers.
 *
 * <p>Two hash tables index the sequences starting at each position: one keyed by the first
 * 3 bytes holds only the most recent position (a cheap source of length-3 matches), one
 * keyed by the first 4 bytes heads a chain that links each position to the previous
 * position with the same 4-byte hash. A search walks that chain newest first, at most
 * {@code depth} nodes, and keeps the longest match.
 *
 * <p>Table entries are 16-bit positions (buffer index plus a per-buffer base, as in
 * {@link PositionBase}): buffers are at most {@value #MAX_BUFFER_SIZE} bytes (XPRESS chunks,
 * LZX chunks for its lazy levels), the tables are then half the size and stay in the L2
 * cache (measured: 5% faster XPRESS, same output), and they are cleared only when a buffer's
 * positions would no longer fit above the previous one's (every other 32 KiB chunk).
 *
 * <p>Usage per buffer: {@link #reset(byte[], int)}, then for every position in order either
 * {@link #longestMatch} or {@link #skip}. The buffer must carry {@link LzBytes#PADDING}
 * bytes of slack after its data.
 */
public final class HashChainMatchFinder {

    /** The largest buffer the 16-bit table entries can index. */
    public static final int MAX_BUFFER_SIZE = 1 << 16;
    /** The least number of bytes that must remain at a position to search or insert it. */
    private static final int REQUIRED_BYTES = 5;

    private static final int HASH3_BITS = 15;
    private static final int HASH4_BITS = 16;

    private final char[] hash3 = new char[1 << HASH3_BITS];
    private final char[] hash4 = new char[1 << HASH4_BITS];
    private final char[] next;
    private int base;
    private int size;
    private byte[] in;
    private int nextHash3;
    private int nextHash4;

    /** Offset of the match returned by the last {@link #longestMatch} that found one. */
    public int offset;

    /** @param maxBufferSize the largest buffer that will be passed to {@link #reset}, at most {@value #MAX_BUFFER_SIZE} */
    public HashChainMatchFinder(int maxBufferSize) {
        if (maxBufferSize > MAX_BUFFER_SIZE) {
            throw new IllegalArgumentException("hash chains index buffers of up to " + MAX_BUFFER_SIZE + " bytes, not " + maxBufferSize);
        }
        next = new char[Math.max(1, maxBufferSize)];
        base = 1;
    }

    /** Starts a new, independent buffer of {@code size} bytes at {@code in[0]}. */
    public void reset(byte[] in, int size) {
        PositionBase.checkSize(size, next.length);
        base += this.size;
        if (base + size - REQUIRED_BYTES > Character.MAX_VALUE) { // (the last positions are never inserted)
            Arrays.fill(hash3, (char) 0);
            Arrays.fill(hash4, (char) 0);
            base = 1;
        }
        this.size = size;
        this.in = in;
        if (size >= 4) {
            int seq = LzBytes.le32(in, 0);
            nextHash3 = LzBytes.hash(seq & 0xFFFFFF, HASH3_BITS);
            nextHash4 = LzBytes.hash(seq, HASH4_BITS);
        }
    }

    /**
     * Inserts position {@code pos} and looks for a match longer than {@code bestLen}.
     *
     * @param maxLen  longest allowed match (at most the bytes left from {@code pos})
     * @param niceLen stop as soon as a match this long is found ({@code <= maxLen})
     * @param depth   how many chain nodes to examine at most ({@code >= 1})
     * @return the length found, or {@code bestLen} if no longer match; {@link #offset} is set
     *         when a longer match is returned
     */
    public int longestMatch(int pos, int bestLen, int maxLen, int niceLen, int depth) {
        if (maxLen < REQUIRED_BYTES) {
            return bestLen;
        }
        final byte[] in = this.in;
        final int base = this.base;
        final char[] next = this.next;
        int h3 = nextHash3;
        int h4 = nextHash4;
        int cur3 = hash3[h3];
        int cur4 = hash4[h4];
        int abs = base + pos;
        hash3[h3] = (char) abs;
        hash4[h4] = (char) abs;
        next[pos] = (char) cur4;
        int seqNext = LzBytes.le32(in, pos + 1);
        nextHash3 = LzBytes.hash(seqNext & 0xFFFFFF, HASH3_BITS);
        nextHash4 = LzBytes.hash(seqNext, HASH4_BITS);

        int bestPos = -1;
        int seq4 = LzBytes.le32(in, pos);
        if (bestLen < 4) {
            if (cur3 < base) {
                return bestLen;
            }
            if (bestLen < 3) {
                int m = cur3 - base;
                if (((LzBytes.le32(in, m) ^ seq4) & 0xFFFFFF) == 0) {
                    bestLen = 3;
                    bestPos = m;
                }
            }
            if (cur4 < base) {
                return found(pos, bestLen, bestPos);
            }
            int m;
            for (;;) {
                m = cur4 - base;
                if (LzBytes.le32(in, m) == seq4) {
                    break;
                }
                cur4 = next[m];
                if (cur4 < base || --depth == 0) {
                    return found(pos, bestLen, bestPos);
                }
            }
            bestPos = m;
            bestLen = LzBytes.extend(in, pos, m, 4, maxLen);
            if (bestLen >= niceLen) {
                return found(pos, bestLen, bestPos);
            }
            cur4 = next[m];
            if (cur4 < base || --depth == 0) {
                return found(pos, bestLen, bestPos);
            }
        } else if (cur4 < base || bestLen >= niceLen) {
            return bestLen;
        }
        for (;;) {
            int m;
            for (;;) {
                m = cur4 - base;
                if (LzBytes.le32(in, m + bestLen - 3) == LzBytes.le32(in, pos + bestLen - 3)
                        && LzBytes.le32(in, m) == seq4) {
                    break;
                }
                cur4 = next[m];
                if (cur4 < base || --depth == 0) {
                    return found(pos, bestLen, bestPos);
                }
            }
            int len = LzBytes.extend(in, pos, m, 4, maxLen);
            if (len > bestLen) {
                bestLen = len;
                bestPos = m;
                if (len >= niceLen) {
                    return found(pos, bestLen, bestPos);
                }
            }
            cur4 = next[m];
            if (cur4 < base || --depth == 0) {
                return found(pos, bestLen, bestPos);
            }
        }
    }

    private int found(int pos, int len, int matchPos) {
        if (matchPos >= 0) {
            offset = pos - matchPos;
        }
        return len;
    }

    /**
     * Moves past positions {@code pos .. pos + count - 1} without inserting them, for the inside
     * of a long match: its bytes repeat earlier ones that are in the tables already, so later
     * searches still find them there, and skipping the inserts saves most of the match's cost.
     */
    public void jump(int pos, int count) {
        int p = pos + count;
        if (p + REQUIRED_BYTES > size) {
            return; // no search will follow
        }
        int seq = LzBytes.le32(in, p);
        nextHash3 = LzBytes.hash(seq & 0xFFFFFF, HASH3_BITS);
        nextHash4 = LzBytes.hash(seq, HASH4_BITS);
    }

    /** Inserts positions {@code pos .. pos + count - 1} without searching. */
    public void skip(int pos, int count) {
        if (count + REQUIRED_BYTES > size - pos) {
            return;
        }
        final byte[] in = this.in;
        final char[] next = this.next;
        int abs = base + pos;
        int h3 = nextHash3;
        int h4 = nextHash4;
        for (int end = pos + count; pos < end; pos++, abs++) {
            hash3[h3] = (char) abs;
            next[pos] = hash4[h4];
            hash4[h4] = (char) abs;
            int seq = LzBytes.le32(in, pos + 1);
            h3 = LzBytes.hash(seq & 0xFFFFFF, HASH3_BITS);
            h4 = LzBytes.hash(seq, HASH4_BITS);
        }
        nextHash3 = h3;
        nextHash4 = h4;
    }
}
