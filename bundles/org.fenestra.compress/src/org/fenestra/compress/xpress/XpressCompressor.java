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
 * <p>Parsers by level (see {@link org.fenestra.compress.Compressors}): greedy below 30,
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

    // output state
    private byte[] out;
    private int bitBuf;
    private int bitCount;
    private int nextBits;
    private int nextBits2;
    private int nextByte;
    private int outEnd;
    private boolean overflow;

    /**
     * @param chunkSize largest chunk, a power of two up to 65536
     * @param level     1.. (see {@link org.fenestra.compress.Compressors})
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
            depth = Math.max(2, level * 30 / 32);
            niceLen = Math.max(MIN_MATCH, level * 60 / 32);
            passes = 0;
        } else {
            mode = Mode.NEAR_OPTIMAL;
            depth = Math.max(1, level * 28 / 100);
            niceLen = Math.max(MIN_MATCH, level * 56 / 100);
            passes = Math.max(1, level / 40);
        }
        if (mode == Mode.NEAR_OPTIMAL) {
            bt = new BinaryTreeMatchFinder(chunkSize, false);
            cacheLen = new int[chunkSize * CACHE_PER_POS + niceLen + 16];
            cacheOff = new int[cacheLen.length];
            cacheStart = new int[chunkSize + 1];
            costToEnd = new int[chunkSize + 1];
            chosen = new int[chunkSize + 1];
        } else {
            hc = new HashChainMatchFinder(chunkSize);
            items = new int[chunkSize];
            itemOffsets = new int[chunkSize];
        }
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
        int size;
        switch (mode) {
            case GREEDY -> size = write(parseGreedyOrLazy(srcLen, false), srcLen, dst, dstOff, capacity);
            case LAZY -> size = write(parseGreedyOrLazy(srcLen, true), srcLen, dst, dstOff, capacity);
            default -> {
                nearOptimal(srcLen);
                size = write(-1, srcLen, dst, dstOff, capacity);
            }
        }
        out = null;
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
                mf.skip(pos, curLen - 1);
                pos += curLen - 1;
                continue;
            }
            for (;;) {
                if (curLen >= niceLen) {
                    count = match(count, curLen, curOff);
                    mf.skip(pos, curLen - 1);
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
                    mf.skip(pos, curLen - 2);
                    pos += curLen - 2;
                    break;
                }
            }
        }
        return count;
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
        items[count] = sym | adj << 9;
        itemOffsets[count] = offset;
        return count + 1;
    }

    // ---------------------------------------------------------------- near-optimal

    private void nearOptimal(int n) {
        findMatches(n);
        Arrays.fill(costs, 9);
        for (int pass = 1;; pass++) {
            minCostPath(n);
            Arrays.fill(freqs, 0);
            tallyPath(n);
            if (pass >= passes) {
                break;
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

    private void tallyPath(int n) {
        int pos = 0;
        while (pos < n) {
            int item = chosen[pos];
            int len = item & 0xFFFF;
            int off = item >>> 16;
            if (len == 1) {
                freqs[off]++;
            } else {
                int adj = len - MIN_MATCH;
                freqs[NUM_CHARS + ((31 - Integer.numberOfLeadingZeros(off)) << 4 | Math.min(adj, 15))]++;
            }
            pos += len;
        }
    }

    // ---------------------------------------------------------------- output

    /** Writes the chunk; {@code count < 0} means "the near-optimal path". Returns 0 on overflow. */
    private int write(int count, int n, byte[] dst, int dstOff, int capacity) {
        freqs[END_OF_DATA]++;
        lengthBuilder.build(freqs, NUM_SYMS, MAX_CODEWORD_LEN, lens);
        CanonicalCode.assign(lens, NUM_SYMS, MAX_CODEWORD_LEN, codewords);
        for (int i = 0; i < HEADER; i++) {
            dst[dstOff + i] = (byte) (lens[2 * i + 1] << 4 | lens[2 * i]);
        }
        out = dst;
        bitBuf = 0;
        bitCount = 0;
        nextBits = dstOff + HEADER;
        nextBits2 = nextBits + 2;
        nextByte = nextBits + 4;
        outEnd = dstOff + capacity;
        overflow = false;
        final int[] codewords = this.codewords;
        final byte[] lens = this.lens;
        if (count >= 0) {
            for (int i = 0; i < count; i++) {
                int item = items[i];
                int sym = item & 0x1FF;
                writeBits(codewords[sym], lens[sym]);
                if (sym >= NUM_CHARS) {
                    int off = itemOffsets[i];
                    int log2 = (sym - NUM_CHARS) >>> 4;
                    writeLengthBytes(item >>> 9);
                    writeBits(off ^ (1 << log2), log2);
                }
            }
        } else {
            int pos = 0;
            while (pos < n) {
                int item = chosen[pos];
                int len = item & 0xFFFF;
                int off = item >>> 16;
                if (len == 1) {
                    writeBits(codewords[off], lens[off]);
                } else {
                    int adj = len - MIN_MATCH;
                    int log2 = 31 - Integer.numberOfLeadingZeros(off);
                    int sym = NUM_CHARS + (log2 << 4 | Math.min(adj, 15));
                    writeBits(codewords[sym], lens[sym]);
                    writeLengthBytes(adj);
                    writeBits(off ^ (1 << log2), log2);
                }
                pos += len;
            }
        }
        writeBits(codewords[END_OF_DATA], lens[END_OF_DATA]);
        if (overflow) {
            return 0;
        }
        put16(nextBits, bitBuf << (16 - bitCount));
        put16(nextBits2, 0);
        return nextByte - dstOff;
    }

    private void writeBits(int bits, int n) {
        bitCount += n;
        bitBuf = bitBuf << n | bits;
        if (bitCount > 16) {
            bitCount -= 16;
            if (outEnd - nextByte >= 2) {
                put16(nextBits, bitBuf >>> bitCount);
                nextBits = nextBits2;
                nextBits2 = nextByte;
                nextByte += 2;
            } else {
                overflow = true;
            }
        }
    }

    private void writeLengthBytes(int adj) {
        if (adj >= 15) {
            int b = Math.min(adj - 15, 255);
            if (nextByte < outEnd) {
                out[nextByte++] = (byte) b;
            } else {
                overflow = true;
            }
            if (b == 255) {
                if (outEnd - nextByte >= 2) {
                    out[nextByte] = (byte) adj;
                    out[nextByte + 1] = (byte) (adj >>> 8);
                    nextByte += 2;
                } else {
                    overflow = true;
                }
            }
        }
    }

    private void put16(int p, int v) {
        out[p] = (byte) v;
        out[p + 1] = (byte) (v >>> 8);
    }
}
