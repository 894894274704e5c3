package org.fenestra.compress.matchfinder;

/**
 * Binary-tree match finder for near-optimal parsers: it reports, at each position, the
 * closest match of every length it meets, sorted by increasing length.
 *
 * <p>Sequences with the same 4-byte hash form a binary search tree ordered
 * lexicographically by their suffixes, rooted at the most recent position. Inserting a
 * position re-roots the tree at it: the search descends from the old root, splitting the
 * nodes it meets into those smaller and those greater than the new sequence, which become
 * the new root's left and right subtrees. Since the walk visits candidates in order of
 * increasing common prefix, every strictly longer match found along the way is recorded.
 * Length-3 matches come from a 2-way hash table keyed by 3 bytes, and optionally length-2
 * matches from a small table keyed by 2 bytes (LZX).
 *
 * <p>Entries are absolute positions (buffer index plus a per-buffer base) so that tables
 * need no clearing between buffers; see {@link PositionBase}. Both
 * {@link #getMatches} and {@link #skip} need {@link #REQUIRED_BYTES} bytes left at the
 * position; the buffer must carry {@link LzBytes#PADDING} bytes of slack after its data.
 */
public final class BinaryTreeMatchFinder {

    /** The least number of bytes that must remain at a position to search or skip it. */
    public static final int REQUIRED_BYTES = 5;

    private static final int HASH2_BITS = 12;
    private static final int HASH3_BITS = 15;
    private static final int HASH4_BITS = 16;

    private final boolean len2;
    private final int[] hash2;
    private final int[] hash3 = new int[2 << HASH3_BITS];
    private final int[] hash4 = new int[1 << HASH4_BITS];
    private final int[] child;
    private int base = 1;
    private int size;
    private byte[] in;
    private int nextHash3;
    private int nextHash4;

    /** Length of the longest match reported by the last {@link #getMatches} (at least 3). */
    public int bestLen;

    /**
     * @param maxBufferSize largest buffer size
     * @param findLength2   also report length-2 matches
     */
    public BinaryTreeMatchFinder(int maxBufferSize, boolean findLength2) {
        this.len2 = findLength2;
        this.hash2 = findLength2 ? new int[1 << HASH2_BITS] : null;
        this.child = new int[2 * Math.max(1, maxBufferSize)];
    }

    /** Starts a new, independent buffer of {@code size} bytes at {@code in[0]}. */
    public void reset(byte[] in, int size) {
        PositionBase.checkSize(size, child.length / 2);
        base = PositionBase.next(base, this.size, child.length + 2, hash3, hash4, hash2);
        this.size = size;
        this.in = in;
        if (size >= 4) {
            int seq = LzBytes.le32(in, 0);
            nextHash3 = LzBytes.hash(seq & 0xFFFFFF, HASH3_BITS);
            nextHash4 = LzBytes.hash(seq, HASH4_BITS);
        }
    }

    /**
     * Inserts {@code pos} and stores its matches into {@code lens/offs} from index
     * {@code out}, by strictly increasing length (and non-decreasing offset).
     *
     * @param maxLen  longest allowed match, at least {@link #REQUIRED_BYTES}
     * @param niceLen stop once a match this long is found ({@code <= maxLen})
     * @param depth   how many tree nodes to visit at most ({@code >= 1})
     * @return the index after the last match stored; {@link #bestLen} is set
     */
    public int getMatches(int pos, int maxLen, int niceLen, int depth, int[] lens, int[] offs, int out) {
        return advance(pos, maxLen, niceLen, depth, lens, offs, out, true);
    }

    /** Inserts {@code pos} without reporting matches. */
    public void skip(int pos, int niceLen, int depth) {
        advance(pos, niceLen, niceLen, depth, null, null, 0, false);
    }

    private int advance(int pos, int maxLen, int niceLen, int depth, int[] lens, int[] offs, int out,
            boolean record) {
        final byte[] in = this.in;
        final int base = this.base;
        final int[] child = this.child;
        final int abs = base + pos;
        int best = 3;

        int seqNext = LzBytes.le32(in, pos + 1);
        int h3 = nextHash3;
        int h4 = nextHash4;
        nextHash3 = LzBytes.hash(seqNext & 0xFFFFFF, HASH3_BITS);
        nextHash4 = LzBytes.hash(seqNext, HASH4_BITS);

        if (len2) {
            int seq2 = LzBytes.le16(in, pos);
            int h2 = LzBytes.hash(seq2, HASH2_BITS);
            int c2 = hash2[h2];
            hash2[h2] = abs;
            if (record && c2 >= base && LzBytes.le16(in, c2 - base) == seq2) {
                lens[out] = 2;
                offs[out++] = abs - c2;
            }
        }

        int c3a = hash3[2 * h3];
        int c3b = hash3[2 * h3 + 1];
        hash3[2 * h3] = abs;
        hash3[2 * h3 + 1] = c3a;
        if (record) {
            int seq3 = LzBytes.le32(in, pos) & 0xFFFFFF;
            if (c3a >= base && (LzBytes.le32(in, c3a - base) & 0xFFFFFF) == seq3) {
                lens[out] = 3;
                offs[out++] = abs - c3a;
            } else if (c3b >= base && (LzBytes.le32(in, c3b - base) & 0xFFFFFF) == seq3) {
                lens[out] = 3;
                offs[out++] = abs - c3b;
            }
        }

        int cur = hash4[h4];
        hash4[h4] = abs;
        int pendingLt = 2 * pos;     // slot to receive the next smaller node
        int pendingGt = 2 * pos + 1; // slot to receive the next greater node
        if (cur < base) {
            child[pendingLt] = 0;
            child[pendingGt] = 0;
            bestLen = best;
            return out;
        }
        int bestLtLen = 0;
        int bestGtLen = 0;
        int len = 0;
        for (;;) {
            int m = cur - base;
            // Common prefix beyond the len bytes known equal, one word at a time.
            long x = LzBytes.le64(in, pos + len) ^ LzBytes.le64(in, m + len);
            int l = x != 0 ? len + (Long.numberOfTrailingZeros(x) >>> 3)
                    : LzBytes.extend(in, pos, m, len + 8, maxLen);
            if (l > len) {
                len = Math.min(l, maxLen);
                if (!record || len > best) {
                    if (record) {
                        best = len;
                        lens[out] = len;
                        offs[out++] = pos - m;
                    }
                    if (len >= niceLen) {
                        child[pendingLt] = child[2 * m];
                        child[pendingGt] = child[2 * m + 1];
                        bestLen = best;
                        return out;
                    }
                }
            }
            if ((in[m + len] & 0xFF) < (in[pos + len] & 0xFF)) {
                child[pendingLt] = cur;
                pendingLt = 2 * m + 1;
                cur = child[pendingLt];
                bestLtLen = len;
                if (bestGtLen < len) {
                    len = bestGtLen;
                }
            } else {
                child[pendingGt] = cur;
                pendingGt = 2 * m;
                cur = child[pendingGt];
                bestGtLen = len;
                if (bestLtLen < len) {
                    len = bestLtLen;
                }
            }
            if (cur < base || --depth == 0) {
                child[pendingLt] = 0;
                child[pendingGt] = 0;
                bestLen = best;
                return out;
            }
        }
    }
}
