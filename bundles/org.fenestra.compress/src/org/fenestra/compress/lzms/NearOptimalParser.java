package org.fenestra.compress.lzms;

import static org.fenestra.compress.lzms.LzmsItemEncoder.*;
import static org.fenestra.compress.lzms.LzmsTables.*;

import java.util.Arrays;

import org.fenestra.compress.matchfinder.LzBytes;
import org.fenestra.compress.matchfinder.SuffixArrayMatchFinder;

/**
 * LZMS near-optimal parsing: the window is cut into blocks of up to {@value #BLOCK}
 * positions (or ended early before a match of "nice" length, which is taken as it is);
 * for each block the matches at every position are gathered, then a forward minimum-cost
 * pass finds the cheapest item sequence under the costs at the block's start (Huffman
 * codeword lengths, probability entries), tracking along the cheapest path to each position
 * the decoder's LZ repeat queue and decision contexts, so repeat matches and context-dependent
 * bit costs are priced as they will be coded. The chosen items are then coded, which
 * updates the adaptive model for the next block.
 */
final class NearOptimalParser {

    static final int BLOCK = 2048;
    private static final int MAX_PER_POS = 16;
    /**
     * Delta matches are not searched where an LZ match at least this long was found. Measured
     * on the bench sample (solid 64 MiB chunks, level 50; one process, rounds alternating): 8
     * against 32, 8% faster for 0.06% more output.
     */
    private static final int DELTA_SKIP_LEN = 8;
    private static final int INFINITE = Integer.MAX_VALUE;
    /** Lengths up to this have a precomputed cost. */
    private static final int FAST_LENGTHS = 1024;

    private final LzmsItemEncoder enc;
    private final int niceLen;

    private final int[] matchStart = new int[BLOCK + 1];
    private final int[] matchLens = new int[BLOCK * MAX_PER_POS + MAX_PER_POS];
    private final int[] matchOffs = new int[BLOCK * MAX_PER_POS + MAX_PER_POS];
    private final int[] deltaLens = new int[(BLOCK + 1) * DeltaMatchFinder.POWERS];
    private final int[] deltaRaws = new int[(BLOCK + 1) * DeltaMatchFinder.POWERS];

    // Per node (position in the block): cost to reach, arriving item, and the state after it.
    private final int[] cost = new int[BLOCK + 1];
    private final int[] itemLen = new int[BLOCK + 1];
    private final int[] itemSrc = new int[BLOCK + 1]; // explicit offset, or -(r + 1) for repeat r
    private final int[] states = new int[BLOCK + 1];
    private final int[] queues = new int[4 * (BLOCK + 1)];
    private final int[] gapLen = new int[BLOCK + 1]; // non-zero: arrived by match + literal + repeat 0
    private final int[] gapSrc = new int[BLOCK + 1];
    private final int[] pathLen = new int[BLOCK + 1];
    private final int[] pathSrc = new int[BLOCK + 1];
    private final boolean gaps;
    private int start;
    private int blockLen;

    // Costs from the adaptive Huffman codes, refreshed when a code was rebuilt.
    private final int[] literalCost = new int[256];
    private final int[] lengthCost = new int[FAST_LENGTHS + 1];
    private final int[] offsetSlotCost = new int[MAX_OFFSET_SLOTS];
    private final int[] deltaSlotCost = new int[MAX_OFFSET_SLOTS];
    private final int[] deltaPowerCost = new int[8];
    private int deltaVersion = -1;
    private int powerVersion = -1;
    private final DeltaMatchFinder delta;
    private int literalVersion = -1;
    private int lengthVersion = -1;
    private int offsetVersion = -1;

    NearOptimalParser(LzmsItemEncoder enc, int niceLen, boolean deltaMatches, boolean gaps) {
        this.gaps = gaps;
        this.delta = deltaMatches ? new DeltaMatchFinder() : null;
        this.enc = enc;
        this.niceLen = niceLen;
    }

    /**
     * Codes {@code in[winStart .. winEnd)}; {@code mf} was reset to the window (its position 0
     * is {@code winStart}) and is visited at every position in order. Returns false once the
     * output is full.
     */
    boolean parse(byte[] in, int winStart, int winEnd, SuffixArrayMatchFinder mf, int tail) {
        if (delta != null && winStart == 0) {
            delta.reset(winEnd);
        }
        int pos = winStart;
        final int searchEnd = winEnd - tail;
        while (pos < searchEnd) {
            if (enc.full()) {
                return false;
            }
            int blockStart = pos;
            int blockEnd = Math.min(searchEnd, pos + BLOCK);
            int nm = 0;
            int longLen = 0;
            int longOff = 0;
            int longDelta = -1;
            for (int p = blockStart; p < blockEnd; p++) {
                matchStart[p - blockStart] = nm;
                int maxLen = Math.min(winEnd - p, LzmsCompressor.MAX_MATCH);
                int nice = Math.min(niceLen, maxLen);
                nm = mf.getMatches(p - winStart, nice, matchLens, matchOffs, nm, nm + MAX_PER_POS);
                if (mf.bestLen >= nice) { // (the finder reports no further than nice)
                    longOff = matchOffs[nm - 1];
                    longLen = LzBytes.extend(in, p, p - longOff, nice, maxLen);
                    blockEnd = p;
                    nm = matchStart[p - blockStart];
                    break;
                }
                if (delta != null && mf.bestLen >= DELTA_SKIP_LEN) {
                    // A long enough LZ match already: a delta match would rarely beat it, and checking
                    // the candidates costs cache misses. Positions are still inserted.
                    delta.skip(in, p, 1);
                    Arrays.fill(deltaLens, (p - blockStart) * DeltaMatchFinder.POWERS,
                            (p - blockStart + 1) * DeltaMatchFinder.POWERS, 0);
                } else if (delta != null) { // (p < winEnd - tail leaves the 3 bytes a delta key needs)
                    int longPower = findDeltas(in, p, p - blockStart, nice);
                    if (longPower >= 0) { // a long delta match: taken as it is, like long LZ matches
                        longLen = deltaLens[(p - blockStart) * DeltaMatchFinder.POWERS + longPower];
                        longDelta = longPower << 26 | deltaRaws[(p - blockStart) * DeltaMatchFinder.POWERS + longPower];
                        blockEnd = p;
                        nm = matchStart[p - blockStart];
                        break;
                    }
                }
            }
            matchStart[blockEnd - blockStart] = nm;
            if (blockEnd > blockStart) {
                findPath(in, blockStart, blockEnd - blockStart);
            }
            pos = blockEnd;
            if (longDelta >= 0) {
                enc.deltaMatch(longDelta >>> 26, longDelta & ((1 << 26) - 1), longLen);
                delta.skip(in, pos + 1, longLen - 1);
                mf.skip(pos + 1 - winStart, longLen - 1);
                pos += longLen;
            } else if (longLen != 0) {
                enc.lzMatch(longOff, longLen);
                if (delta != null) {
                    delta.skip(in, pos, longLen);
                }
                mf.skip(pos + 1 - winStart, longLen - 1);
                pos += longLen;
            }
        }
        while (pos < winEnd) {
            enc.literal(in[pos++]);
        }
        return !enc.full();
    }

    /**
     * Finds the delta matches at {@code p} (block index {@code b}) and caches them; returns the
     * power of one at least {@code nice} long, or -1.
     */
    private int findDeltas(byte[] in, int p, int b, int nice) {
        delta.find(in, p, nice);
        int at = b * DeltaMatchFinder.POWERS;
        int longPower = -1;
        for (int power = 0; power < DeltaMatchFinder.POWERS; power++) {
            int len = delta.lens[power];
            int raw = delta.offsets[power] >>> power;
            if (len != 0 && raw >= 1 << 26) {
                len = 0; // not representable in a parser source; never happens in 64 MiB windows
            }
            deltaLens[at + power] = len;
            deltaRaws[at + power] = raw;
            if (len >= nice && longPower < 0) {
                longPower = power;
            }
        }
        return longPower;
    }

    private void refreshCosts() {
        if (literalVersion != enc.literalCode.version) {
            literalVersion = enc.literalCode.version;
            byte[] lens = enc.literalCode.lens;
            for (int i = 0; i < 256; i++) {
                literalCost[i] = lens[i] * BIT_COST;
            }
        }
        if (lengthVersion != enc.lengthCode.version) {
            lengthVersion = enc.lengthCode.version;
            for (int l = 1; l <= FAST_LENGTHS; l++) {
                lengthCost[l] = slowLengthCost(l);
            }
        }
        if (delta != null && deltaVersion != enc.deltaOffsetCode.version) {
            deltaVersion = enc.deltaOffsetCode.version;
            byte[] lens = enc.deltaOffsetCode.lens;
            int n = enc.deltaOffsetCode.numSyms();
            for (int s = 0; s < n; s++) {
                deltaSlotCost[s] = (lens[s] + OFFSET_EXTRA_BITS[s]) * BIT_COST;
            }
        }
        if (delta != null && powerVersion != enc.deltaPowerCode.version) {
            powerVersion = enc.deltaPowerCode.version;
            for (int s = 0; s < 8; s++) {
                deltaPowerCost[s] = enc.deltaPowerCode.lens[s] * BIT_COST;
            }
        }
        if (offsetVersion != enc.lzOffsetCode.version) {
            offsetVersion = enc.lzOffsetCode.version;
            byte[] lens = enc.lzOffsetCode.lens;
            int n = enc.lzOffsetCode.numSyms();
            for (int s = 0; s < n; s++) {
                offsetSlotCost[s] = (lens[s] + OFFSET_EXTRA_BITS[s]) * BIT_COST;
            }
        }
    }

    private int slowLengthCost(int l) {
        int slot = LzmsSlots.lengthSlot(l);
        return (enc.lengthCode.lens[slot] + LENGTH_EXTRA_BITS[slot]) * BIT_COST;
    }

    private int lengthCost(int l) {
        return l <= FAST_LENGTHS ? lengthCost[l] : slowLengthCost(l);
    }

    // State packing: main 4 bits, match 5, lz 6, rep0 6, rep1 6, previous item kind 2.
    private static int pack(int main, int match, int lz, int rep0, int rep1, int kind) {
        return main | match << 4 | lz << 9 | rep0 << 15 | rep1 << 21 | kind << 27;
    }

    /** Minimum-cost path over {@code n} positions from {@code start}, then codes it. */
    private void findPath(byte[] in, int start, int n) {
        this.start = start;
        this.blockLen = n;
        refreshCosts();
        final LzmsItemEncoder enc = this.enc;
        final int[] cost = this.cost;
        final int[] itemLen = this.itemLen;
        final int[] itemSrc = this.itemSrc;
        final int[] queues = this.queues;
        for (int j = 1; j <= n; j++) {
            cost[j] = INFINITE;
        }
        cost[0] = 0;
        states[0] = pack(enc.mainState, enc.matchState, enc.lzState, enc.lzRep0State, enc.lzRep1State, enc.prevKind);
        System.arraycopy(enc.recentLz, 0, queues, 0, 4);
        final int nice = niceLen;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                arrive(i);
            }
            final int c = cost[i];
            final int st = states[i];
            final int p = start + i;
            final int main = st & 15;
            final int match = st >>> 4 & 31;
            final int lz = st >>> 9 & 63;
            final int rep0 = st >>> 15 & 63;
            final int rep1 = st >>> 21 & 63;
            final int kind = st >>> 27;
            final int left = n - i;

            // Literal.
            relax(i + 1, c + enc.bitCost(MAIN, main, 0) + literalCost[in[p] & 0xFF], 1, 0);
            if (left < 2) {
                continue;
            }
            final int matchBase = c + enc.bitCost(MAIN, main, 1) + enc.bitCost(MATCH, match, 0);

            // Repeat matches, at the offsets the decoder will see.
            final int repBase = matchBase + enc.bitCost(LZ, lz, 1);
            final int qk = 4 * i + (kind & 1);
            for (int r = 0; r < 3; r++) {
                int off = queues[qk + r];
                if (off > p || in[p] != in[p - off] || in[p + 1] != in[p + 1 - off]) {
                    continue;
                }
                if (r > 0 && alreadyInQueue(queues, qk, r, off)) {
                    continue;
                }
                int len = LzBytes.extend(in, p, p - off, 2, left);
                int rc = repBase + (r == 0 ? enc.bitCost(LZ_REP0, rep0, 0)
                        : enc.bitCost(LZ_REP0, rep0, 1) + enc.bitCost(LZ_REP1, rep1, r - 1));
                int stop = len > nice ? Math.min(nice, len - 1) : len;
                for (int l = 2; l <= stop; l++) {
                    relax(i + l, rc + lengthCost(l), l, -(r + 1));
                }
                if (len > stop) {
                    relax(i + len, rc + lengthCost(len), len, -(r + 1));
                }
            }

            // Explicit matches from the match finder.
            int m = matchStart[i];
            int mEnd = matchStart[i + 1];
            if (m < mEnd) {
                final int expBase = matchBase + enc.bitCost(LZ, lz, 0);
                int prevLen = 2;
                for (; m < mEnd; m++) {
                    int ml = Math.min(matchLens[m], left);
                    int off = matchOffs[m];
                    int oc = expBase + offsetSlotCost[LzmsSlots.offsetSlot(off)];
                    for (int l = prevLen + 1; l <= ml; l++) {
                        relax(i + l, oc + lengthCost(l), l, off);
                    }
                    prevLen = Math.max(prevLen, ml);
                }
                if (gaps) {
                    m = mEnd - 1;
                    tryMatchLiteralRep0(in, i, Math.min(matchLens[m], left), matchOffs[m],
                            expBase + offsetSlotCost[LzmsSlots.offsetSlot(matchOffs[m])], st);
                }
            }

            // Explicit delta matches (found while gathering).
            if (delta != null) {
                // (the delta context is not tracked along paths: its state at the block start is used)
                int deltaBase = c + enc.bitCost(MAIN, main, 1) + enc.bitCost(MATCH, match, 1)
                        + enc.bitCost(DELTA, enc.deltaState, 0);
                int at = i * DeltaMatchFinder.POWERS;
                for (int power = 0; power < DeltaMatchFinder.POWERS; power++) {
                    int len = Math.min(deltaLens[at + power], left);
                    if (len < DeltaMatchFinder.MIN_LEN) {
                        continue;
                    }
                    int raw = deltaRaws[at + power];
                    int dc = deltaBase + deltaPowerCost[power] + deltaSlotCost[LzmsSlots.offsetSlot(raw)];
                    int src = -(4 + (power << 26 | raw));
                    for (int l = DeltaMatchFinder.MIN_LEN; l <= len; l++) {
                        relax(i + l, dc + lengthCost(l), l, src);
                    }
                }
            }
        }
        arrive(n);
        codePath(in, start, n);
    }

    /** Whether a lower repeat index already holds {@code off} (then that index is what gets sent). */
    private static boolean alreadyInQueue(int[] q, int qk, int r, int off) {
        for (int s = 0; s < r; s++) {
            if (q[qk + s] == off) {
                return true;
            }
        }
        return false;
    }

    private void relax(int j, int c, int len, int src) {
        if (c < cost[j]) {
            cost[j] = c;
            itemLen[j] = len;
            itemSrc[j] = src;
            gapLen[j] = 0;
        }
    }

    /**
     * Tries the explicit match ({@code len}, {@code off}) at node {@code i} followed by one
     * literal and a repeat of the same offset (then repeat 0), which the per-position search
     * cannot see because the match's offset only becomes a repeat after the match is chosen.
     */
    private void tryMatchLiteralRep0(byte[] in, int i, int len, int off, int matchCost, int st) {
        int n = cost.length - 1;
        int q = start + i + len + 1; // where the repeat starts
        int room = Math.min(blockLen - i - len - 1, niceLen);
        if (room < 2 || in[q] != in[q - off] || in[q + 1] != in[q + 1 - off]) {
            return;
        }
        int repLen = LzBytes.extend(in, q, q - off, 2, room);
        int main1 = ((st & 15) << 1 | 1) & 15;
        int main2 = (main1 << 1) & 15;
        int match = st >>> 4 & 31;
        int lz = st >>> 9 & 63;
        int rep0 = st >>> 15 & 63;
        int c = matchCost + lengthCost(len)
                + enc.bitCost(MAIN, main1, 0) + literalCost[in[q - 1] & 0xFF]
                + enc.bitCost(MAIN, main2, 1) + enc.bitCost(MATCH, (match << 1) & 31, 0)
                + enc.bitCost(LZ, (lz << 1) & 63, 1) + enc.bitCost(LZ_REP0, rep0, 0) + lengthCost(repLen);
        int j = i + len + 1 + repLen;
        if (j <= n && c < cost[j]) {
            cost[j] = c;
            itemLen[j] = len + 1 + repLen;
            itemSrc[j] = -1;
            gapLen[j] = len;
            gapSrc[j] = off;
        }
    }

    /** Derives node {@code j}'s state and queue from its predecessor and arriving item(s). */
    private void arrive(int j) {
        int from = j - itemLen[j];
        int[] q = queues;
        int qf = 4 * from;
        int qj = 4 * j;
        q[qj] = q[qf];
        q[qj + 1] = q[qf + 1];
        q[qj + 2] = q[qf + 2];
        q[qj + 3] = q[qf + 3];
        int st = states[from];
        int len = itemLen[j];
        if (gapLen[j] != 0) {
            st = apply(st, qj, gapLen[j], gapSrc[j]);
            st = apply(st, qj, 1, 0);
            len -= gapLen[j] + 1;
        }
        states[j] = apply(st, qj, len, itemSrc[j]);
    }

    /** The state after coding item ({@code len}, {@code src}) in state {@code st}; updates the queue at {@code qj}. */
    private int apply(int st, int qj, int len, int src) {
        int main = st & 15;
        int match = st >>> 4 & 31;
        int lz = st >>> 9 & 63;
        int rep0 = st >>> 15 & 63;
        int rep1 = st >>> 21 & 63;
        int kind = st >>> 27;
        if (len == 1) {
            return pack((main << 1) & 15, match, lz, rep0, rep1, 0);
        }
        if (src <= -4) { // delta match: the LZ queue stays
            return pack((main << 1 | 1) & 15, (match << 1 | 1) & 31, lz, rep0, rep1, 2);
        }
        int[] q = queues;
        int offset = src > 0 ? src : q[qj + (kind & 1) + (-src - 1)];
        int r = lzRepIndex(q, qj, kind, offset);
        if (r < 0) {
            lz = (lz << 1) & 63;
        } else {
            lz = (lz << 1 | 1) & 63;
            if (r == 0) {
                rep0 = (rep0 << 1) & 63;
            } else {
                rep0 = (rep0 << 1 | 1) & 63;
                rep1 = (rep1 << 1 | (r - 1)) & 63;
            }
        }
        pushLz(q, qj, kind & 1, r, offset);
        return pack((main << 1 | 1) & 15, (match << 1) & 31, lz, rep0, rep1, 1);
    }

    /** Walks the chosen path back from the block end, then codes it forwards. */
    private void codePath(byte[] in, int start, int n) {
        int count = 0;
        for (int j = n; j > 0; j -= itemLen[j]) {
            if (gapLen[j] != 0) { // match, literal, repeat 0: stored last first
                pathLen[count] = itemLen[j] - gapLen[j] - 1;
                pathSrc[count++] = itemSrc[j];
                pathLen[count] = 1;
                pathSrc[count++] = 0;
                pathLen[count] = gapLen[j];
                pathSrc[count++] = gapSrc[j];
            } else {
                pathLen[count] = itemLen[j];
                pathSrc[count++] = itemSrc[j];
            }
        }
        int p = start;
        while (count > 0) {
            count--;
            int len = pathLen[count];
            if (len == 1) {
                enc.literal(in[p]);
            } else {
                int src = pathSrc[count];
                if (src <= -4) {
                    int pair = -src - 4;
                    enc.deltaMatch(pair >>> 26, pair & ((1 << 26) - 1), len);
                } else {
                    enc.lzMatch(src > 0 ? src : enc.lzRepOffset(-src - 1), len);
                }
            }
            p += len;
        }
    }
}
