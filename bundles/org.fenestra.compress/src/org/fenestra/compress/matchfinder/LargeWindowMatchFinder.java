package org.fenestra.compress.matchfinder;

/**
 * Binary-tree match finder over large buffers (LZMS chunks of up to 64 MiB; LZMS's lazy
 * parser): it reports, at each position, the closest match of every length it meets,
 * sorted by increasing length, like {@link BinaryTreeMatchFinder#getMatches}. It needs less
 * memory than {@link SuffixArrayMatchFinder} but searches a limited number of candidates.
 *
 * <p>Unlike {@link BinaryTreeMatchFinder} its tree links live in a ring of
 * {@code treeWindow} node slots (position modulo the window), so memory is bounded however
 * large the buffer: matches reach back at most {@code treeWindow - 1} bytes, and a link to a
 * node that old (whose slot may have been reused) ends the search. Its 4-byte hash table grows
 * with the buffer (one head per 16 positions, at most 2^22) so that the trees stay shallow,
 * and lengths are only compared up to the "nice" length: a parser that meets a match that long
 * takes it and extends it itself ({@link LzBytes#extend}). On repetitive data this is what
 * keeps the search cheap: no candidate is compared past the nice length.
 *
 * <p>Length-3 matches come from a one-entry table keyed by 3 bytes, within
 * {@value #MAX_LENGTH3_OFFSET} bytes. Memory: 8 bytes per
 * window slot plus the heads. Entries are absolute positions ({@link PositionBase}), so no
 * clearing between buffers. {@link #getMatches} and {@link #skip} need
 * {@link #REQUIRED_BYTES} bytes left at the position; the buffer must carry
 * {@link LzBytes#PADDING} bytes of slack.
 */
public final class LargeWindowMatchFinder {

    /** The least number of bytes that must remain at a position to search or skip it. */
    public static final int REQUIRED_BYTES = 5;

    private static final int HASH3_BITS = 16;
    /**
     * Length-3 matches are reported only this close: farther ones cost more to code than
     * their literals, and not checking them saves a cache miss per position.
     */
    private static final int MAX_LENGTH3_OFFSET = 1 << 14;

    private final int hash4Bits;
    private final int[] hash3 = new int[1 << HASH3_BITS];
    private final int[] hash4;
    /** Per ring slot, the smaller (even index) and greater (odd index) subtree roots. */
    private final int[] child;
    private final int windowMask;
    private final int maxBufferSize;
    private int base = 1;
    private int size;
    private byte[] in;
    /** The position whose tree root was read ahead (-1: none), and that root. */
    private int aheadPos = -1;
    private int aheadRoot;
    /** Sum of bytes read ahead: written so that the reads are not optimised away. */
    private int aheadSink;

    /** Length of the longest match reported by the last {@link #getMatches} (0 if none). */
    public int bestLen;

    /**
     * @param maxBufferSize largest buffer size
     * @param treeWindow    farthest reach of a match plus one, a power of two (the ring size)
     */
    public LargeWindowMatchFinder(int maxBufferSize, int treeWindow) {
        if (Integer.bitCount(treeWindow) != 1) {
            throw new IllegalArgumentException("tree window " + treeWindow + " is not a power of two");
        }
        int slots = Math.min(treeWindow, Integer.highestOneBit(Math.max(1, maxBufferSize - 1)) << 1);
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, maxBufferSize - 1)) - 4;
        this.hash4Bits = Math.max(16, Math.min(22, bits));
        this.hash4 = new int[1 << hash4Bits];
        this.child = new int[2 * slots];
        this.windowMask = slots - 1;
        this.maxBufferSize = maxBufferSize;
    }

    /** Starts a new, independent buffer of {@code size} bytes at {@code in[0]}. */
    public void reset(byte[] in, int size) {
        PositionBase.checkSize(size, maxBufferSize);
        base = PositionBase.next(base, this.size, maxBufferSize + 2, hash3, hash4);
        this.size = size;
        this.in = in;
        aheadPos = -1;
    }

    /**
     * Inserts {@code pos} and stores its matches into {@code lens/offs} from index
     * {@code out}, by strictly increasing length.
     *
     * @param niceLen longest length compared: a match this long ends the search and is
     *                reported with this length (it may continue further); at least
     *                {@link #REQUIRED_BYTES} and no more than the bytes left at {@code pos}
     * @param depth   how many tree nodes to visit at most ({@code >= 1})
     * @param maxOut  index limit for {@code lens/offs}: when full, shorter entries are dropped
     * @return the index after the last match stored; {@link #bestLen} is set
     */
    public int getMatches(int pos, int niceLen, int depth, int[] lens, int[] offs, int out, int maxOut) {
        out = advance(pos, niceLen, depth, lens, offs, out, maxOut, true);
        readAhead(pos + 1);
        return out;
    }

    /**
     * Inserts positions {@code pos .. pos + count - 1} without reporting matches (each is
     * still placed in its tree, with the same limits as {@link #getMatches}).
     */
    public void skip(int pos, int count, int niceLen, int depth) {
        int end = Math.min(pos + count, size - REQUIRED_BYTES + 1);
        for (; pos < end; pos++) {
            advance(pos, Math.min(niceLen, size - pos), depth, null, null, 0, 0, false);
            readAhead(pos + 1);
        }
    }

    /**
     * Reads the tree root of {@code pos} and the first bytes of that node: the search is a
     * chain of cache misses, and starting the first ones now lets them overlap with the
     * caller's work until the next search (a software prefetch).
     */
    private void readAhead(int pos) {
        if (pos > size - REQUIRED_BYTES) {
            return;
        }
        int root = hash4[LzBytes.hash(LzBytes.le32(in, pos), hash4Bits)];
        aheadPos = pos;
        aheadRoot = root;
        if (root >= base) {
            int m = root - base;
            aheadSink += in[m] + child[2 * (m & windowMask)];
        }
    }

    private int advance(int pos, int niceLen, int depth, int[] lens, int[] offs, int out, int maxOut,
            boolean record) {
        final byte[] in = this.in;
        final int base = this.base;
        final int abs = base + pos;
        final int start = out;
        final int[] child = this.child;
        final int mask = windowMask;
        final int lowest = Math.max(base, abs - mask); // oldest position still in the ring
        int seq4 = LzBytes.le32(in, pos);
        int h3 = LzBytes.hash(seq4 & 0xFFFFFF, HASH3_BITS);
        int c3 = hash3[h3];
        hash3[h3] = abs;
        int found = 0;
        if (record && c3 >= lowest && abs - c3 < MAX_LENGTH3_OFFSET && ((LzBytes.le32(in, c3 - base) ^ seq4) & 0xFFFFFF) == 0) {
            found = 3;
            lens[out] = 3;
            offs[out++] = abs - c3;
        }
        int best = 3; // the tree reports lengths from 4
        int h4 = LzBytes.hash(seq4, hash4Bits);
        int cur = pos == aheadPos ? aheadRoot : hash4[h4]; // (hash4 changes only here: still valid)
        hash4[h4] = abs;
        int pendingLt = 2 * (pos & mask); // slot to receive the next smaller node
        int pendingGt = pendingLt + 1;    // slot to receive the next greater node
        int bestLtLen = 0;
        int bestGtLen = 0;
        int len = 0;
        while (cur >= lowest && depth-- > 0) {
            int m = cur - base;
            int slot = 2 * (m & mask);
            if (in[m + len] == in[pos + len]) {
                len = LzBytes.extend(in, pos, m, len + 1, niceLen);
                if (record && len > best) {
                    best = len;
                    found = len;
                    if (out == maxOut) { // keep the longest ones
                        System.arraycopy(lens, start + 1, lens, start, maxOut - start - 1);
                        System.arraycopy(offs, start + 1, offs, start, maxOut - start - 1);
                        out--;
                    }
                    lens[out] = len;
                    offs[out++] = pos - m;
                }
                if (len >= niceLen) { // the new node takes the old one's place
                    child[pendingLt] = child[slot];
                    child[pendingGt] = child[slot + 1];
                    bestLen = found;
                    return out;
                }
            }
            if ((in[m + len] & 0xFF) < (in[pos + len] & 0xFF)) {
                child[pendingLt] = cur;
                pendingLt = slot + 1;
                cur = child[pendingLt];
                bestLtLen = len;
                len = Math.min(len, bestGtLen);
            } else {
                child[pendingGt] = cur;
                pendingGt = slot;
                cur = child[pendingGt];
                bestGtLen = len;
                len = Math.min(len, bestLtLen);
            }
        }
        child[pendingLt] = 0;
        child[pendingGt] = 0;
        bestLen = found;
        return out;
    }
}
