package org.fenestra.compress.matchfinder;

import java.util.Arrays;

/**
 * Hash-chain match finder for near-optimal parsers over large buffers (LZMS solid chunks of
 * up to 64 MiB): it reports, at each position, the closest match of every length it meets,
 * sorted by increasing length, like {@link BinaryTreeMatchFinder#getMatches}.
 *
 * <p>The 4-byte hash table grows with the buffer (one head per 4 positions, at most 2^24),
 * so chains hold few unrelated sequences even for big buffers, and a bounded walk spends its
 * (cache-missing) steps on real candidates. Length-3 matches come from a one-entry table
 * keyed by 3 bytes. Memory: 4 bytes per buffer byte for the chain links, plus the heads.
 * Entries are absolute positions as in {@link HashChainMatchFinder}, so no clearing between
 * buffers. {@link #getMatches} and {@link #skip} need {@link #REQUIRED_BYTES} bytes left at
 * the position; the buffer must carry {@link LzBytes#PADDING} bytes of slack.
 */
public final class LargeWindowMatchFinder {

    /** The least number of bytes that must remain at a position to search or skip it. */
    public static final int REQUIRED_BYTES = 5;

    private static final int HASH3_BITS = 16;

    private final int hash4Bits;
    private final int[] hash3 = new int[1 << HASH3_BITS];
    private final int[] hash4;
    private final int[] next;
    private int base = 1;
    private int size;
    private byte[] in;

    /** Length of the longest match reported by the last {@link #getMatches} (0 if none). */
    public int bestLen;

    /** @param maxBufferSize largest buffer size */
    public LargeWindowMatchFinder(int maxBufferSize) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxBufferSize - 1)) - 2;
        this.hash4Bits = Math.max(16, Math.min(24, bits));
        this.hash4 = new int[1 << hash4Bits];
        this.next = new int[Math.max(1, maxBufferSize)];
    }

    /** Starts a new, independent buffer of {@code size} bytes at {@code in[0]}. */
    public void reset(byte[] in, int size) {
        if (size > next.length) {
            throw new IllegalArgumentException("buffer of " + size + " bytes exceeds " + next.length);
        }
        int newBase = base + this.size;
        if (newBase > Integer.MAX_VALUE - 2 * next.length - 2) {
            Arrays.fill(hash3, 0);
            Arrays.fill(hash4, 0);
            newBase = 1;
        }
        base = newBase;
        this.size = size;
        this.in = in;
    }

    /**
     * Inserts {@code pos} and stores its matches into {@code lens/offs} from index
     * {@code out}, by strictly increasing length.
     *
     * @param maxLen  longest allowed match, at least {@link #REQUIRED_BYTES}
     * @param niceLen stop once a match this long is found ({@code <= maxLen})
     * @param depth   how many chain nodes to visit at most ({@code >= 1})
     * @param maxOut  index limit for {@code lens/offs}: when full, shorter entries are dropped
     * @return the index after the last match stored; {@link #bestLen} is set
     */
    public int getMatches(int pos, int maxLen, int niceLen, int depth, int[] lens, int[] offs, int out, int maxOut) {
        final byte[] in = this.in;
        final int base = this.base;
        final int abs = base + pos;
        final int start = out;
        int seq4 = LzBytes.le32(in, pos);
        int h3 = LzBytes.hash(seq4 & 0xFFFFFF, HASH3_BITS);
        int h4 = LzBytes.hash(seq4, hash4Bits);
        int c3 = hash3[h3];
        hash3[h3] = abs;
        int cur = hash4[h4];
        hash4[h4] = abs;
        next[pos] = cur;
        int best = 2;
        if (c3 >= base && ((LzBytes.le32(in, c3 - base) ^ seq4) & 0xFFFFFF) == 0) {
            best = 3;
            lens[out] = 3;
            offs[out++] = abs - c3;
        }
        while (cur >= base && depth-- > 0) {
            int m = cur - base;
            if ((best < 4 || LzBytes.le32(in, m + best - 3) == LzBytes.le32(in, pos + best - 3))
                    && LzBytes.le32(in, m) == seq4) {
                int len = LzBytes.extend(in, pos, m, 4, maxLen);
                if (len > best) {
                    best = len;
                    if (out == maxOut) { // keep the longest ones
                        System.arraycopy(lens, start + 1, lens, start, maxOut - start - 1);
                        System.arraycopy(offs, start + 1, offs, start, maxOut - start - 1);
                        out--;
                    }
                    lens[out] = len;
                    offs[out++] = pos - m;
                    if (len >= niceLen) {
                        break;
                    }
                }
            }
            cur = next[m];
        }
        bestLen = best < 3 ? 0 : best;
        return out;
    }

    /** Inserts positions {@code pos .. pos + count - 1} without searching. */
    public void skip(int pos, int count) {
        final byte[] in = this.in;
        final int[] next = this.next;
        int end = Math.min(pos + count, size - REQUIRED_BYTES + 1);
        for (int abs = base + pos; pos < end; pos++, abs++) {
            int seq4 = LzBytes.le32(in, pos);
            hash3[LzBytes.hash(seq4 & 0xFFFFFF, HASH3_BITS)] = abs;
            int h4 = LzBytes.hash(seq4, hash4Bits);
            next[pos] = hash4[h4];
            hash4[h4] = abs;
        }
    }
}
