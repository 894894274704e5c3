package org.fenestra.compress.xpress;

import java.util.Arrays;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.huffman.CanonicalCode;
import org.fenestra.compress.huffman.CodeLengthBuilder;
import org.fenestra.compress.lz.ChunkArguments;
import org.fenestra.compress.matchfinder.BinaryTreeMatchFinder;
import org.fenestra.compress.matchfinder.HashChainMatchFinder;
import org.fenestra.compress.matchfinder.LzBytes;

/**
 * XPRESS (MS-XCA "LZ77+Huffman", WIM variant) chunk encoder; the format is described in
 * {@link XpressDecompressor}.
 *
 * <p>Parsers by level (see {@link org.fenestra.compress.codecs.Compressors}): greedy below 30,
 * lazy below 60, near-optimal from 60. The near-optimal parser caches every position's
 * matches from a binary-tree match finder, then repeatedly finds the cheapest path
 * backwards through the literal/match graph under the code lengths of the previous pass.
 *
 * <p>Output: the 512 4-bit code lengths, then the symbols in 16-bit units; the extra length
 * bytes of long matches are placed, as the decoder expects, right after the last unit the
 * decoder will have loaded: the writer keeps two units reserved ahead of the byte pointer.
 * An end-of-data symbol (256) follows the data, as Microsoft's decoder wants.
 */
public final class XpressCompressor implements ChunkCompressor {

    private static final int NUM_SYMS = 512;
    private static final int NUM_CHARS = 256;
    private static final int MAX_CODEWORD_LEN = 15;
    private static final int MIN_MATCH = 3;
    private static final int END_OF_DATA = 256;
    private static final int HEADER = NUM_SYMS / 2;
    /** Inputs shorter than this are not worth compressing. */
    private static final int MIN_INPUT = 25;
    private static final int CACHE_PER_POS = 8;

    private enum Mode { GREEDY, LAZY, NEAR_OPTIMAL }

    private final int chunkSize;
    private final Mode mode;
    private final int depth;
    private final int niceLen;
    private final int passes;
    /** Longest match whose inner positions the lazy parser still inserts into the hash chains. */
    private final int maxInsert;

    private final byte[] in;
    private final int[] freqs = new int[NUM_SYMS];
    private final byte[] lens = new byte[NUM_SYMS];
    private final int[] codewords = new int[NUM_SYMS];
    private final CodeLengthBuilder lengthBuilder = new CodeLengthBuilder();

    // greedy / lazy
    private HashChainMatchFinder hc;
    private int[] items; // literal byte, or match symbol | (length - 3) << 9
    private int[] itemOffsets;

    // near-optimal
    private BinaryTreeMatchFinder bt;
    private int[] cacheLen;
    private int[] cacheOff;
    private int[] cacheStart; // matches of position p: [cacheStart[p], cacheStart[p + 1])
    private int[] costToEnd;
    private int[] chosen; // offset << 16 | length (length 1 = literal)
    private final int[] costs = new int[NUM_SYMS];

    /** Matches tallied so far whose length needs the 3-byte extra length form. */
    private int longLengths;

    /**
     * @param chunkSize largest chunk, a power of two up to 65536
     * @param level     1.. (see {@link org.fenestra.compress.codecs.Compressors})
     */
    public XpressCompressor(int chunkSize, int level) {
        if (chunkSize < 1 || chunkSize > XpressDecompressor.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("unsupported XPRESS chunk size " + chunkSize);
        }
        level = Math.max(1, Math.min(level, 1000));
        this.chunkSize = chunkSize;
        this.in = new byte[chunkSize + LzBytes.PADDING];
        if (level < 30) {
            mode = Mode.GREEDY;
            depth = Math.max(1, level * 30 / 16);
            niceLen = Math.max(MIN_MATCH, level * 60 / 16);
            passes = 0;
        } else if (level < 60) {
            mode = Mode.LAZY;
            // Shallower than wimlib's level * 30 / 32, and long matches not inserted: measured
            // at level 50 on the bench corpus, 1.27x the speed for 0.6% more output.
            depth = Math.max(2, level * 16 / 50);
            niceLen = Math.max(MIN_MATCH, level * 60 / 32);
            passes = 0;
        } else {
            mode = Mode.NEAR_OPTIMAL;
            depth = Math.max(1, level * 28 / 100);
            niceLen = Math.max(MIN_MATCH, level * 56 / 100);
            passes = Math.max(1, level / 40);
        }
        maxInsert = mode == Mode.LAZY ? Math.max(8, level * 32 / 50) : Integer.MAX_VALUE;
        if (mode == Mode.NEAR_OPTIMAL) {
            bt = new BinaryTreeMatchFinder(chunkSize, false);
            cacheLen = new int[chunkSize * CACHE_PER_POS + niceLen + 16];
            cacheOff = new int[cacheLen.length];
            cacheStart = new int[chunkSize + 1];
            costToEnd = new int[chunkSize + 1];
            chosen = new int[chunkSize + 1];
        } else {
            hc = new HashChainMatchFinder(chunkSize);
        }
        items = new int[chunkSize + 1];
        itemOffsets = new int[chunkSize + 1];
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity) {
        ChunkArguments.checkCompress(src, srcOff, srcLen, dst, dstOff, dstCapacity, chunkSize);
        if (srcLen < MIN_INPUT) {
            return 0;
        }
        // Only results smaller than the input are useful.
        int capacity = Math.min(dstCapacity, srcLen - 1);
        if (capacity <= HEADER + 4) {
            return 0;
        }
        System.arraycopy(src, srcOff, in, 0, srcLen);
        Arrays.fill(freqs, 0);
        longLengths = 0;
        int size;
        switch (mode) {
            case GREEDY -> size = write(parseGreedyOrLazy(srcLen, false), dst, dstOff, capacity);
            case LAZY -> size = write(parseGreedyOrLazy(srcLen, true), dst, dstOff, capacity);
            default -> size = write(nearOptimalItems(srcLen), dst, dstOff, capacity);
        }
        return size;
    }

    // ---------------------------------------------------------------- greedy and lazy

    private int parseGreedyOrLazy(int n, boolean lazy) {
        final byte[] in = this.in;
        final HashChainMatchFinder mf = hc;
        final int tooFar3 = n <= 8192 ? 2048 : 4096;
        mf.reset(in, n);
        int count = 0;
        int pos = 0;
        while (pos < n) {
            int maxLen = n - pos;
            int curLen = mf.longestMatch(pos, MIN_MATCH - 1, maxLen, Math.min(maxLen, niceLen), depth);
            int curOff = mf.offset;
            pos++;
            if (curLen < MIN_MATCH || (curLen == MIN_MATCH && curOff >= tooFar3)) {
                count = literal(count, in[pos - 1] & 0xFF);
                continue;
            }
            if (!lazy) {
                count = match(count, curLen, curOff);
                passMatch(pos, curLen - 1);
                pos += curLen - 1;
                continue;
            }
            for (;;) {
                if (curLen >= niceLen) {
                    count = match(count, curLen, curOff);
                    passMatch(pos, curLen - 1);
                    pos += curLen - 1;
                    break;
                }
                maxLen = n - pos;
                int nextLen = mf.longestMatch(pos, curLen, maxLen, Math.min(maxLen, niceLen), depth >>> 1);
                int nextOff = mf.offset;
                pos++;
                if (nextLen > curLen) {
                    count = literal(count, in[pos - 2] & 0xFF);
                    curLen = nextLen;
                    curOff = nextOff;
                } else {
                    count = match(count, curLen, curOff);
                    passMatch(pos, curLen - 2);
                    pos += curLen - 2;
                    break;
                }
            }
        }
        return count;
    }

    /** Moves the hash chains past the rest of a chosen match. */
    private void passMatch(int pos, int count) {
        if (count > maxInsert) {
            hc.jump(pos, count);
        } else {
            hc.skip(pos, count);
        }
    }

    private int literal(int count, int lit) {
        freqs[lit]++;
        items[count] = lit;
        return count + 1;
    }

    private int match(int count, int length, int offset) {
        int adj = length - MIN_MATCH;
        int sym = NUM_CHARS + ((31 - Integer.numberOfLeadingZeros(offset)) << 4 | Math.min(adj, 15));
        freqs[sym]++;
        if (adj >= 15 + 255) {
            longLengths++;
        }
        items[count] = sym | adj << 9;
        itemOffsets[count] = offset;
        return count + 1;
    }

    // ---------------------------------------------------------------- near-optimal

    /** Parses near-optimally; returns the number of items recorded (and tallied). */
    private int nearOptimalItems(int n) {
        findMatches(n);
        Arrays.fill(costs, 9);
        for (int pass = 1;; pass++) {
            minCostPath(n);
            int count = pathItems(n);
            if (pass >= passes) {
                return count;
            }
            freqs[END_OF_DATA]++;
            lengthBuilder.build(freqs, NUM_SYMS, MAX_CODEWORD_LEN, lens);
            for (int s = 0; s < NUM_SYMS; s++) {
                costs[s] = lens[s] != 0 ? lens[s] : MAX_CODEWORD_LEN;
            }
        }
    }

    private void findMatches(int n) {
        final BinaryTreeMatchFinder mf = bt;
        final int[] start = cacheStart;
        final int overflowMark = cacheLen.length - (niceLen + 8);
        mf.reset(in, n);
        int c = 0;
        int pos = 0;
        while (pos < n && n - pos >= BinaryTreeMatchFinder.REQUIRED_BYTES && c < overflowMark) {
            int maxLen = n - pos;
            int nice = Math.min(niceLen, maxLen);
            start[pos] = c;
            c = mf.getMatches(pos, maxLen, nice, depth, cacheLen, cacheOff, c);
            int best = mf.bestLen;
            pos++;
            if (best >= nice) {
                // Skip the positions a long match covers: no matches cached for them.
                int stop = Math.min(pos + best - 1, n - BinaryTreeMatchFinder.REQUIRED_BYTES);
                while (pos < stop) {
                    start[pos] = c;
                    mf.skip(pos, Math.min(niceLen, n - pos), depth);
                    pos++;
                }
            }
        }
        while (pos <= n) {
            start[pos++] = c;
        }
    }

    private void minCostPath(int n) {
        final byte[] in = this.in;
        final int[] costs = this.costs;
        final int[] costToEnd = this.costToEnd;
        final int[] chosen = this.chosen;
        final int[] start = cacheStart;
        final int[] cLen = cacheLen;
        final int[] cOff = cacheOff;
        costToEnd[n] = 0;
        for (int pos = n - 1; pos >= 0; pos--) {
            int lit = in[pos] & 0xFF;
            int bestCost = costs[lit] + costToEnd[pos + 1];
            int bestItem = lit << 16 | 1;
            int m = start[pos];
            int mEnd = start[pos + 1];
            int len = MIN_MATCH;
            for (; m < mEnd; m++) {
                int off = cOff[m];
                int mlen = cLen[m];
                int log2 = 31 - Integer.numberOfLeadingZeros(off);
                int symBase = NUM_CHARS + (log2 << 4);
                for (; len <= mlen; len++) {
                    int adj = len - MIN_MATCH;
                    int cost;
                    if (adj < 15) {
                        cost = log2 + costs[symBase + adj] + costToEnd[pos + len];
                    } else {
                        cost = log2 + costs[symBase + 15] + costToEnd[pos + len] + (adj - 15 >= 255 ? 24 : 8);
                    }
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestItem = off << 16 | len;
                    }
                }
            }
            costToEnd[pos] = bestCost;
            chosen[pos] = bestItem;
        }
    }

    /** Records (and tallies) the items of the path {@link #minCostPath} chose. */
    private int pathItems(int n) {
        Arrays.fill(freqs, 0);
        longLengths = 0;
        int count = 0;
        int pos = 0;
        while (pos < n) {
            int item = chosen[pos];
            int len = item & 0xFFFF;
            int off = item >>> 16;
            count = len == 1 ? literal(count, off) : match(count, len, off);
            pos += len;
        }
        return count;
    }

    // ---------------------------------------------------------------- output

    /**
     * Writes the header and the chosen items ({@code items[0..count)}) to {@code dst}, or
     * returns 0 without writing them if the result would exceed {@code capacity}: its size is
     * known exactly from the symbol frequencies before a single unit is written.
     */
    private int write(int count, byte[] dst, int dstOff, int capacity) {
        items[count] = END_OF_DATA;
        freqs[END_OF_DATA]++;
        lengthBuilder.build(freqs, NUM_SYMS, MAX_CODEWORD_LEN, lens);
        int size = encodedSize();
        if (size > capacity) {
            return 0;
        }
        CanonicalCode.assign(lens, NUM_SYMS, MAX_CODEWORD_LEN, codewords);
        for (int i = 0; i < HEADER; i++) {
            dst[dstOff + i] = (byte) (lens[2 * i + 1] << 4 | lens[2 * i]);
        }
        final byte[] out = dst;
        final int[] items = this.items;
        final int[] offsets = this.itemOffsets;
        final int[] codewords = this.codewords;
        final byte[] lens = this.lens;
        // Bits go out in 16-bit units into slots reserved two units ahead of the byte pointer
        // (where a long match's extra length bytes go). A unit is due once more than 16 bits
        // are pending; emitting due units just before the next byte write (or the end) puts
        // every unit and byte where the decoder looks for it.
        long bitBuf = 0;
        int bitCount = 0;
        int unit1 = dstOff + HEADER;
        int unit2 = unit1 + 2;
        int next = unit1 + 4;
        for (int i = 0; i <= count; i++) {
            int item = items[i];
            int sym = item & 0x1FF;
            bitBuf = bitBuf << lens[sym] | codewords[sym];
            bitCount += lens[sym];
            while (bitCount > 16) {
                bitCount -= 16;
                int unit = (int) (bitBuf >>> bitCount);
                out[unit1] = (byte) unit;
                out[unit1 + 1] = (byte) (unit >>> 8);
                unit1 = unit2;
                unit2 = next;
                next += 2;
            }
            if (sym > END_OF_DATA) {
                int adj = item >>> 9;
                if (adj >= 15) {
                    int b = Math.min(adj - 15, 255);
                    out[next++] = (byte) b;
                    if (b == 255) {
                        out[next] = (byte) adj;
                        out[next + 1] = (byte) (adj >>> 8);
                        next += 2;
                    }
                }
                int log2 = (sym - NUM_CHARS) >>> 4;
                bitBuf = bitBuf << log2 | (offsets[i] ^ (1 << log2));
                bitCount += log2;
            }
        }
        int last = (int) (bitBuf << (16 - bitCount));
        out[unit1] = (byte) last;
        out[unit1 + 1] = (byte) (last >>> 8);
        out[unit2] = 0;
        out[unit2 + 1] = 0;
        if (next - dstOff != size) {
            throw new IllegalStateException("XPRESS size " + (next - dstOff) + " != computed " + size);
        }
        return size;
    }

    /**
     * Bytes the items tallied in {@link #freqs} (and {@link #longLengths}) encode to under the
     * code in {@link #lens}: header, symbol and offset bits in 16-bit units (units are emitted
     * while more than 16 bits are pending, then the last partial unit and a zero unit), and the
     * extra length bytes: one for every length symbol 15, two more for lengths of 15 + 255 and up.
     */
    private int encodedSize() {
        long bits = 0;
        long lengthBytes = 2L * longLengths;
        for (int sym = 0; sym < NUM_SYMS; sym++) {
            long f = freqs[sym];
            if (f != 0) {
                bits += f * lens[sym];
                if (sym > END_OF_DATA) {
                    bits += f * ((sym - NUM_CHARS) >>> 4);
                    if ((sym & 15) == 15) {
                        lengthBytes += f;
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, HEADER + 4 + 2 * ((bits - 1) / 16) + lengthBytes);
    }
}
