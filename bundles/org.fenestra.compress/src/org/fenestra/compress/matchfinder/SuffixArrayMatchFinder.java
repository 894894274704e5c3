package org.fenestra.compress.matchfinder;

import java.util.Arrays;

/**
 * Match finder for near-optimal parsers over large buffers, built on the buffer's suffix
 * array: at each position it reports the closest earlier match of every length, with no
 * search depth and no limit on distance within the buffer.
 *
 * <p>On {@link #reset} the suffixes are sorted ({@link SuffixArray}) and their longest common
 * prefixes, capped at {@code maxLen}, taken; from those it builds the tree of lcp-intervals
 * (groups of suffixes sharing a prefix of a given length; an interval's parent shares a
 * shorter one). Lengths below 3 are not intervals. Each interval remembers the last position
 * that passed through it. Positions are then visited in order: from the deepest interval
 * holding the position up to the root, each interval's last position is the closest earlier
 * match of that interval's length, and the position becomes the interval's last. Deeper
 * intervals were last visited no later than their ancestors, so the matches found on the way
 * up get shorter and closer; one that is not closer than the deeper one is dropped.
 * (This is the idea of wimlib's "lcp-interval tree" match finder.)
 *
 * <p>Every position of the buffer must be visited once, in order, by {@link #getMatches} or
 * {@link #skip}. Memory: 12 bytes per byte of the largest buffer (suffix array, then each
 * interval's last position; per position its deepest interval; per interval its parent and
 * length), plus the sort's working space, transiently: one bit and, in its reduced problems,
 * a few bytes per symbol.
 */
public final class SuffixArrayMatchFinder {

    /** Shortest match reported (shorter common prefixes make no interval). */
    private static final int MIN_LEN = 3;
    /** Longest common prefix stored: 6 bits beside the parent. */
    private static final int MAX_STORED_LEN = 63;
    private static final int LEN_BITS = 6;
    private static final int LEN_MASK = (1 << LEN_BITS) - 1;
    /** Length-3 matches are reported only this close (farther ones cost more than their literals). */
    private static final int MAX_LENGTH3_OFFSET = 1 << 14;
    /** How far ahead a walk's first interval is read. */
    private static final int READ_AHEAD = 4;

    private final int maxBufferSize;
    private final int maxLen;
    /** The suffix array while building; then, per interval, its last position plus one (0: none). */
    private final int[] last;
    /** Per position, its deepest interval. */
    private final int[] deepest;
    /** Per interval, parent index << 6 | common prefix length (the root, 0, has length 0). */
    private final int[] parentAndLen;
    private final int[] stack = new int[MAX_STORED_LEN + 2];
    /** Sum of values read ahead: written so that the reads are not optimised away. */
    private int aheadSink;
    private byte[] in;
    private int size;

    /** Length of the longest match reported by the last {@link #getMatches} (0 if none). */
    public int bestLen;

    /**
     * @param maxBufferSize largest buffer size, at most 2^26
     * @param maxLen        longest length compared while building; a caller asking for longer
     *                      matches gets the longest one extended by comparing bytes
     */
    public SuffixArrayMatchFinder(int maxBufferSize, int maxLen) {
        if (maxBufferSize < 1 || maxBufferSize > 1 << (32 - LEN_BITS)) {
            throw new IllegalArgumentException("buffer size " + maxBufferSize + " out of range");
        }
        this.maxBufferSize = maxBufferSize;
        this.maxLen = Math.max(MIN_LEN, Math.min(MAX_STORED_LEN, maxLen));
        this.last = new int[maxBufferSize];
        this.deepest = new int[maxBufferSize];
        this.parentAndLen = new int[maxBufferSize + 1];
    }

    /** Starts a new, independent buffer of {@code size} bytes at {@code in[0]} and indexes it. */
    public void reset(byte[] in, int size) {
        PositionBase.checkSize(size, maxBufferSize);
        this.in = in;
        this.size = size;
        if (size == 0) {
            return;
        }
        SuffixArray.sort(in, size, last);
        int intervals = buildIntervals();
        Arrays.fill(last, 0, Math.min(intervals, size), 0);
    }

    /**
     * Scans the suffixes in sorted order with a stack of open intervals (increasing lengths),
     * giving every interval its parent and every position its deepest interval. Returns the
     * number of intervals. The prefix each suffix shares with the one before it is compared
     * here, directly: with lengths capped, that reads the text once per suffix, where
     * computing all the lengths first (the "Phi" method) costs three passes of scattered
     * accesses (measured on 64 MiB: 3 s less of 15 to 18).
     */
    private int buildIntervals() {
        final int[] sa = last;
        final int[] parent = parentAndLen;
        parent[0] = 0;
        int intervals = 1;
        int top = 0;
        stack[0] = 0;
        int topLen = 0;
        for (int i = 1; i <= size; i++) {
            int h = 0;
            if (i < size) {
                int cur = sa[i];
                int prev = sa[i - 1];
                h = LzBytes.extend(in, cur, prev, 0, Math.min(maxLen, size - Math.max(cur, prev)));
            }
            if (h < MIN_LEN) {
                h = 0;
            }
            int deepestOfPrevious = stack[top];
            int popped = -1;
            while (h < topLen) {
                popped = stack[top--];
                topLen = parent[stack[top]] & LEN_MASK;
                if (h <= topLen) {
                    parent[popped] |= stack[top] << LEN_BITS;
                    popped = -1;
                }
            }
            if (h > topLen) {
                int id = intervals++;
                parent[id] = h;
                if (popped >= 0) {
                    parent[popped] |= id << LEN_BITS;
                } else {
                    deepestOfPrevious = id; // no pop: the new interval holds suffix i - 1 too
                }
                stack[++top] = id;
                topLen = h;
            }
            deepest[sa[i - 1]] = deepestOfPrevious;
        }
        return intervals;
    }

    /**
     * Visits {@code pos} and stores its matches into {@code lens/offs} from index {@code out},
     * by strictly increasing length (offsets increase with them).
     *
     * @param niceLen longest length reported; a match reaching it may continue further
     * @param maxOut  index limit for {@code lens/offs}: when full, shorter entries are dropped
     * @return the index after the last match stored; {@link #bestLen} is set
     */
    public int getMatches(int pos, int niceLen, int[] lens, int[] offs, int out, int maxOut) {
        final int start = out;
        out = visit(pos, niceLen, lens, offs, out, maxOut);
        if (out == start) {
            bestLen = 0;
            return out;
        }
        for (int i = start, j = out - 1; i < j; i++, j--) {
            int l = lens[i];
            lens[i] = lens[j];
            lens[j] = l;
            int o = offs[i];
            offs[i] = offs[j];
            offs[j] = o;
        }
        if (lens[out - 1] == maxLen && niceLen > maxLen) { // capped while building: compare on
            lens[out - 1] = LzBytes.extend(in, pos, pos - offs[out - 1], maxLen, Math.min(niceLen, size - pos));
        }
        bestLen = lens[out - 1];
        return out;
    }

    /** Visits positions {@code pos .. pos + count - 1} without reporting matches. */
    public void skip(int pos, int count) {
        int end = Math.min(pos + count, size);
        for (; pos < end; pos++) {
            visit(pos, 0, null, null, 0, 0);
        }
    }

    /**
     * Makes {@code pos} the last position of every interval above its deepest one, storing the
     * matches met (longest first) when {@code lens} is not null. An interval whose last
     * position equals the one below it gives no new match (same offset, shorter).
     */
    private int visit(int pos, int niceLen, int[] lens, int[] offs, int out, int maxOut) {
        final int[] last = this.last;
        final int[] parent = this.parentAndLen;
        final int stamp = pos + 1;
        readAhead(pos);
        int prevSeen = 0;
        int prevLen = 0;
        for (int node = deepest[pos]; node != 0;) {
            int pl = parent[node];
            int seen = last[node];
            last[node] = stamp;
            node = pl >>> LEN_BITS;
            if (lens == null || seen == prevSeen) {
                continue;
            }
            int len = Math.min(pl & LEN_MASK, niceLen);
            int off = stamp - seen;
            if (len == MIN_LEN && off >= MAX_LENGTH3_OFFSET) {
                continue;
            }
            prevSeen = seen;
            if (len == prevLen) { // capped to the same length: keep the closer one
                offs[out - 1] = off;
            } else if (out < maxOut) {
                lens[out] = len;
                offs[out++] = off;
                prevLen = len;
            }
        }
        return out;
    }

    /**
     * Reads the deepest interval of the position {@value #READ_AHEAD} ahead, and the parent of
     * the next position's: each walk is a chain of cache misses, and starting the next walks'
     * first ones now lets them overlap with this one (a software prefetch; in the sequential
     * walk alone, 11.6 s became 6.8 s on 64 MiB).
     */
    private void readAhead(int pos) {
        final int[] parent = this.parentAndLen;
        if (pos + READ_AHEAD < size) {
            int far = deepest[pos + READ_AHEAD];
            aheadSink += parent[far] + last[far];
        }
        if (pos + 1 < size) {
            int up = parent[deepest[pos + 1]] >>> LEN_BITS;
            aheadSink += parent[up] + last[up];
        }
    }
}
