package org.fenestra.compress.lzx;

import static org.fenestra.compress.lzx.LzxConstants.*;

import java.util.Arrays;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.huffman.CanonicalCode;
import org.fenestra.compress.huffman.CodeLengthBuilder;
import org.fenestra.compress.lz.ChunkArguments;
import org.fenestra.compress.matchfinder.BinaryTreeMatchFinder;
import org.fenestra.compress.matchfinder.HashChainMatchFinder;
import org.fenestra.compress.matchfinder.LzBytes;

/**
 * LZX chunk encoder, WIM variant (see {@link LzxDecompressor} for the format): each chunk
 * is E8-translated, then coded as verbatim or aligned-offset blocks, whichever is smaller
 * for each block. Blocks end where the statistics of the data change (a cheap comparison
 * of literal/match "observations") or at 100000 bytes.
 *
 * <p>Offsets are handled as "adjusted offsets": 0..2 name the recent offsets R0..R2,
 * {@code offset + 2} an explicit offset; the slot of an adjusted offset {@code a >= 3} is the
 * slot whose range {@code [SLOT_BASE[s] + 2, SLOT_BASE[s + 1] + 2)} holds it.
 *
 * <p>Parsers by level (see {@link org.fenestra.compress.codecs.Compressors}): up to 34 lazy parsing
 * (chunks up to 64 KiB; larger ones are parsed as at level 35) on hash chains that also
 * tries the three recent offsets and scores matches by length,
 * offset size and repeat-ness; from 35 near-optimal parsing: the block's matches are cached
 * from a binary-tree match finder (lengths 2 and up), then a forward minimum-cost pass
 * over the block, which tracks the recent-offset queue along the cheapest path to each
 * position, tries repeat matches at every position and "match + literal + rep0" gaps, is
 * repeated with costs from the previous pass's Huffman codes. The first pass, which only
 * turns rough default costs into statistics, parses a sample of the block (3/8 of it in two
 * pieces): at level 50 that is most of a second pass's gain for 3/8 of its time.
 */
public final class LzxCompressor implements ChunkCompressor {

    private static final int MAX_MATCH = MIN_MATCH + NUM_PRIMARY_LENS + LEN_SYMS - 1; // 257
    private static final int MIN_LEN_SYM_MATCH = MIN_MATCH + NUM_PRIMARY_LENS; // 9
    private static final int MAIN_LIMIT = 16;
    private static final int LEN_LIMIT = 12;
    private static final int ALIGNED_LIMIT = 7;
    private static final int PRE_LIMIT = 7;
    private static final int MIN_INPUT = 64;

    private static final int MIN_BLOCK_SIZE = 6500;
    private static final int SOFT_MAX_BLOCK_SIZE = 100000;
    private static final int OBSERVATIONS_PER_CHECK = 400;
    private static final int CACHE_LENGTH = SOFT_MAX_BLOCK_SIZE * 5;
    private static final int MAX_LAZY_LEVEL = 34;
    // Sampled first optimization pass: how much of the block, in how many pieces, and the
    // least sample worth the approximation (smaller blocks are parsed whole).
    private static final int SAMPLE_EIGHTHS = 3;
    private static final int SAMPLE_SEGMENTS = 2;
    private static final int MIN_SAMPLE = 2048;

    private static final int BIT_COST = 64;
    private static final int ITEM_LEN_BITS = 9;
    private static final int ITEM_LEN_MASK = (1 << ITEM_LEN_BITS) - 1;
    private static final int GAP_FLAG = 0x8000_0000;
    private static final long GAP_FLAG_BITS = GAP_FLAG & 0xFFFF_FFFFL;
    /** Bits per offset in a packed R0..R2 queue (offsets stay below 2^21). */
    private static final int QUEUE_BITS = 21;
    private static final long QUEUE_MASK = (1L << QUEUE_BITS) - 1;
    private static final long QUEUE_ALL = (1L << (3 * QUEUE_BITS)) - 1;
    private static final int INFINITE = Integer.MAX_VALUE;

    /** Slot of adjusted offsets below 32768, and of larger ones in steps of 16384. */
    private static final byte[] SLOT_SMALL = new byte[32768];
    private static final byte[] SLOT_LARGE = new byte[(1 << 21) >> 14];

    static {
        int slot = 0;
        for (int a = 0; a < SLOT_SMALL.length; a++) {
            while (a >= SLOT_BASE[slot + 1] + 2) {
                slot++;
            }
            SLOT_SMALL[a] = (byte) slot;
        }
        for (int a = 0; a < (1 << 21); a += 1 << 14) {
            while (a >= SLOT_BASE[slot + 1] + 2) {
                slot++;
            }
            SLOT_LARGE[a >> 14] = (byte) Math.max(slot, SLOT_SMALL[Math.min(a, 32767)]);
        }
    }

    private final int chunkSize;
    private final int windowOrder;
    /** MS-CAB's LZX: block headers with a 24-bit size, state carried from frame to frame. */
    private final boolean cabFraming;
    private final int numMainSyms;
    private final int numSlots;
    private final boolean lazy;
    private final int depth;
    private final int niceLen;
    private final int passes;

    private final byte[] in;
    private final CodeLengthBuilder lengthBuilder = new CodeLengthBuilder();

    // Huffman statistics and codes of the current block; previous block's lengths.
    private final int[] mainFreq = new int[MAX_MAIN_SYMS];
    private final int[] lenFreq = new int[LEN_SYMS];
    private final int[] alignedFreq = new int[ALIGNED_SYMS];
    private final byte[] mainLens = new byte[MAX_MAIN_SYMS];
    private final byte[] lenLens = new byte[LEN_SYMS];
    private final byte[] alignedLens = new byte[ALIGNED_SYMS];
    private final int[] mainCodes = new int[MAX_MAIN_SYMS];
    private final int[] lenCodes = new int[LEN_SYMS];
    private final int[] alignedCodes = new int[ALIGNED_SYMS];
    private final byte[] prevMainLens = new byte[MAX_MAIN_SYMS];
    private final byte[] prevLenLens = new byte[LEN_SYMS];

    // Pretree scratch.
    private final int[] preFreq = new int[PRECODE_SYMS];
    private final byte[] preLens = new byte[PRECODE_SYMS];
    private final int[] preCodes = new int[PRECODE_SYMS];
    private final int[] preItems = new int[MAX_MAIN_SYMS + 1];

    // The block's chosen sequences: a literal run, then a match (length 0: none).
    private final int[] seqLitRun;
    private final int[] seqLen;
    private final int[] seqAdj;
    private int numSeqs;

    // Recent offsets, carried from block to block (and in CAB framing from frame to frame).
    private int r0 = 1, r1 = 1, r2 = 1;

    // Block splitting statistics.
    private final int[] observations = new int[10];
    private final int[] newObservations = new int[10];
    private int numObservations;
    private int numNewObservations;

    // Lazy parsing.
    private HashChainMatchFinder hc;

    // Near-optimal parsing.
    private BinaryTreeMatchFinder bt;
    private int[] cacheLen;
    private int[] cacheOff;
    private int[] cacheStart;
    private long[] node;
    private long[] queue;
    private int[] gapMatch;
    private int[] mainCost;
    private int[] lenCost;
    private int[] alignedCost;
    private int[] matchCost; // [slot * 256 + length - 2]

    // Output.
    private byte[] out;
    private int outPos;
    private int outEnd;
    private long bitBuf;
    private int bitCount;
    private boolean overflow;

    /**
     * @param chunkSize largest chunk (the LZX window), a power of two from 2^15 to 2^21
     * @param level     1.. (see {@link org.fenestra.compress.codecs.Compressors})
     */
    public LzxCompressor(int chunkSize, int level) {
        this(chunkSize, level, false);
    }

    /** @param cabFraming for {@link LzxFrameCompressor}: frames of an MS-CAB folder, {@code chunkSize} the window */
    LzxCompressor(int chunkSize, int level, boolean cabFraming) {
        this.cabFraming = cabFraming;
        if (chunkSize < (1 << 15) || chunkSize > (1 << 21) || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("unsupported LZX chunk size " + chunkSize);
        }
        level = Math.max(1, Math.min(level, 1000));
        this.chunkSize = chunkSize;
        this.windowOrder = Integer.numberOfTrailingZeros(chunkSize);
        this.numMainSyms = numMainSymbols(windowOrder);
        this.numSlots = (numMainSyms - NUM_CHARS) / 8;
        this.in = new byte[chunkSize + LzBytes.PADDING];
        int maxBlock = Math.min(chunkSize, SOFT_MAX_BLOCK_SIZE);
        seqLitRun = new int[maxBlock + MAX_MATCH + 2];
        seqLen = new int[seqLitRun.length];
        seqAdj = new int[seqLitRun.length];
        if (level <= MAX_LAZY_LEVEL && chunkSize > HashChainMatchFinder.MAX_BUFFER_SIZE) {
            level = MAX_LAZY_LEVEL + 1; // the hash chains index 64 KiB: larger chunks parse near-optimally
        }
        this.lazy = level <= MAX_LAZY_LEVEL;
        if (lazy) {
            depth = Math.max(2, 60 * level / 20);
            niceLen = Math.min(MAX_MATCH, 80 * level / 20);
            passes = 0;
            hc = new HashChainMatchFinder(chunkSize);
        } else {
            depth = Math.max(1, 24 * level / 50);
            niceLen = Math.min(MAX_MATCH, 32 * level / 50);
            int p = 1;
            for (int t : new int[] {45, 70, 100, 150, 200, 300}) {
                p += level >= t ? 1 : 0;
            }
            passes = p;
            bt = new BinaryTreeMatchFinder(chunkSize, true);
            cacheLen = new int[CACHE_LENGTH + MAX_MATCH + 8];
            cacheOff = new int[cacheLen.length];
            cacheStart = new int[maxBlock + 2];
            node = new long[maxBlock + 1];
            queue = new long[maxBlock + 1];
            gapMatch = new int[maxBlock + 1];
            mainCost = new int[MAX_MAIN_SYMS];
            lenCost = new int[LEN_SYMS];
            alignedCost = new int[ALIGNED_SYMS];
            matchCost = new int[MAX_OFFSET_SLOTS * 256];
        }
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity) {
        ChunkArguments.checkCompress(src, srcOff, srcLen, dst, dstOff, dstCapacity, chunkSize);
        if (srcLen < MIN_INPUT) {
            return 0;
        }
        System.arraycopy(src, srcOff, in, 0, srcLen);
        E8Filter.apply(in, 0, srcLen);
        out = dst;
        outPos = dstOff;
        outEnd = dstOff + (Math.min(dstCapacity, srcLen - 1) & ~1);
        bitBuf = 0;
        bitCount = 0;
        overflow = false;
        Arrays.fill(prevMainLens, (byte) 0);
        Arrays.fill(prevLenLens, (byte) 0);
        r0 = 1;
        r1 = 1;
        r2 = 1;
        if (lazy) {
            compressLazy(srcLen);
        } else {
            compressNearOptimal(srcLen);
        }
        if (bitCount > 0) {
            writeUnit((int) (bitBuf << (16 - bitCount)));
        }
        out = null;
        return overflow ? 0 : outPos - dstOff;
    }

    /**
     * CAB framing: compresses the next frame of a folder into {@code dst} (which holds at least
     * {@code srcLen + 32} bytes), carrying the previous lengths and recent offsets from frame to
     * frame. {@code header} is the stream header to write first (1 bit, then the E8 size when
     * E8 translation is on) or null; the frame is E8-translated with its stream position when
     * {@code e8FileSize} is not 0. A frame that does not shrink becomes one uncompressed block.
     */
    int compressCabFrame(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, boolean header,
            int e8Position, int e8FileSize) {
        System.arraycopy(src, srcOff, in, 0, srcLen);
        if (e8FileSize != 0 && srcLen > 10) {
            E8Filter.apply(in, 0, srcLen, e8Position, e8FileSize);
        }
        byte[] savedMain = prevMainLens.clone();
        byte[] savedLen = prevLenLens.clone();
        int s0 = r0, s1 = r1, s2 = r2;
        out = dst;
        if (srcLen >= MIN_INPUT) {
            startOutput(dstOff, dstOff + ((srcLen - 1) & ~1), header, e8FileSize);
            if (lazy) {
                compressLazy(srcLen);
            } else {
                compressNearOptimal(srcLen);
            }
            if (bitCount > 0) {
                writeUnit((int) (bitBuf << (16 - bitCount)));
            }
            if (!overflow) {
                out = null;
                return outPos - dstOff;
            }
            System.arraycopy(savedMain, 0, prevMainLens, 0, savedMain.length);
            System.arraycopy(savedLen, 0, prevLenLens, 0, savedLen.length);
            r0 = s0;
            r1 = s1;
            r2 = s2;
        }
        startOutput(dstOff, dstOff + srcLen + 32, header, e8FileSize);
        writeUncompressedBlock(srcLen);
        out = null;
        return outPos - dstOff;
    }

    private void startOutput(int from, int end, boolean header, int e8FileSize) {
        outPos = from;
        outEnd = end;
        bitBuf = 0;
        bitCount = 0;
        overflow = false;
        if (header) {
            writeBits(e8FileSize != 0 ? 1 : 0, 1);
            if (e8FileSize != 0) {
                writeBits(e8FileSize >>> 16, 16);
                writeBits(e8FileSize & 0xFFFF, 16);
            }
        }
    }

    /**
     * An uncompressed block: header, padding to the next 16-bit boundary (a whole unit when
     * already there), R0..R2, the bytes, a padding byte after an odd size.
     */
    private void writeUncompressedBlock(int n) {
        writeBits(3, 3);
        writeBits(n >>> 8, 16);
        writeBits(n & 0xFF, 8);
        writeBits(0, bitCount == 0 ? 16 : 16 - bitCount);
        for (int r : new int[] {r0, r1, r2}) {
            for (int k = 0; k < 4; k++) {
                out[outPos++] = (byte) (r >>> (8 * k));
            }
        }
        System.arraycopy(in, 0, out, outPos, n);
        outPos += n;
        if ((n & 1) != 0) {
            out[outPos++] = 0;
        }
    }

    // ================================================================ offsets and symbols

    private static int slotOf(int adj) {
        return adj < 32768 ? SLOT_SMALL[adj] : SLOT_LARGE[adj >>> 14];
    }

    /** Counts a match's main symbol (and length symbol) and returns the main symbol. */
    private int tallyMatch(int len, int adj) {
        int header;
        if (len >= MIN_LEN_SYM_MATCH) {
            lenFreq[len - MIN_LEN_SYM_MATCH]++;
            header = NUM_PRIMARY_LENS;
        } else {
            header = len - MIN_MATCH;
        }
        int sym = NUM_CHARS + slotOf(adj) * 8 + header;
        mainFreq[sym]++;
        return sym;
    }

    private void resetFreqs() {
        Arrays.fill(mainFreq, 0);
        Arrays.fill(lenFreq, 0);
        Arrays.fill(alignedFreq, 0);
    }

    // ================================================================ block splitting

    private void resetSplitStats() {
        Arrays.fill(observations, 0);
        Arrays.fill(newObservations, 0);
        numObservations = 0;
        numNewObservations = 0;
    }

    private void observeLiteral(int lit) {
        newObservations[((lit >>> 5) & 6) | (lit & 1)]++;
        numNewObservations++;
    }

    private void observeMatch(int len) {
        newObservations[8 + (len >= 5 ? 1 : 0)]++;
        numNewObservations++;
    }

    /** True if the recent observations differ enough from the block's so far. */
    private boolean shouldEndBlock() {
        if (numObservations > 0) {
            long total = 0;
            for (int i = 0; i < observations.length; i++) {
                long expected = (long) observations[i] * numNewObservations;
                long actual = (long) newObservations[i] * numObservations;
                total += Math.abs(actual - expected);
            }
            if (total >= (long) (numNewObservations * 7 / 8) * numObservations) {
                return true;
            }
        }
        for (int i = 0; i < observations.length; i++) {
            numObservations += newObservations[i];
            observations[i] += newObservations[i];
            newObservations[i] = 0;
        }
        numNewObservations = 0;
        return false;
    }

    // ================================================================ lazy parsing

    private void compressLazy(int n) {
        final byte[] in = this.in;
        final HashChainMatchFinder mf = hc;
        mf.reset(in, n);
        int pos = 0;
        int maxLen = MAX_MATCH;
        int nice = Math.min(niceLen, maxLen);
        do {
            final int blockStart = pos;
            final int maxBlockEnd = pos + Math.min(SOFT_MAX_BLOCK_SIZE, n - pos);
            resetFreqs();
            resetSplitStats();
            numSeqs = 0;
            int litRun = 0;
            do {
                if (maxLen > n - pos) {
                    maxLen = n - pos;
                    nice = Math.min(maxLen, nice);
                }
                int curLen = mf.longestMatch(pos, 2, maxLen, nice, depth);
                int curOff = mf.offset;
                if (curLen < 3 || (curLen == 3 && curOff >= 8192 - 2 && curOff != r0 && curOff != r1
                        && curOff != r2)) {
                    chooseLiteral(in[pos] & 0xFF);
                    litRun++;
                    pos++;
                    continue;
                }
                int curAdj;
                int skip;
                choose: {
                    if (curOff == r0) {
                        pos++;
                        skip = curLen - 1;
                        curAdj = 0;
                        break choose;
                    }
                    curAdj = curOff + 2;
                    int curScore = explicitScore(curLen, curAdj);
                    int repLen = longestRepeat(pos, maxLen);
                    int repIdx = repIdxFound;
                    pos++;
                    if (repLen != 0 && repLen + 3 >= curScore) {
                        curLen = repLen;
                        curAdj = repIdx;
                        skip = repLen - 1;
                        break choose;
                    }
                    for (;;) {
                        if (curLen >= nice) {
                            skip = curLen - 1;
                            break choose;
                        }
                        if (maxLen > n - pos) {
                            maxLen = n - pos;
                            nice = Math.min(maxLen, nice);
                        }
                        int nextLen = mf.longestMatch(pos, curLen - 2, maxLen, nice, depth >>> 1);
                        int nextOff = mf.offset;
                        if (nextLen <= curLen - 2) {
                            pos++;
                            skip = curLen - 2;
                            break choose;
                        }
                        int nextAdj = nextOff + 2;
                        int nextScore = explicitScore(nextLen, nextAdj);
                        repLen = longestRepeat(pos, maxLen);
                        repIdx = repIdxFound;
                        pos++;
                        if (repLen != 0 && repLen + 3 >= nextScore) {
                            if (repLen + 3 > curScore) {
                                chooseLiteral(in[pos - 2] & 0xFF);
                                litRun++;
                                curLen = repLen;
                                curAdj = repIdx;
                                skip = curLen - 1;
                                break choose;
                            }
                        } else if (nextScore > curScore) {
                            chooseLiteral(in[pos - 2] & 0xFF);
                            litRun++;
                            curLen = nextLen;
                            curAdj = nextAdj;
                            curScore = nextScore;
                            continue;
                        }
                        skip = curLen - 2;
                        break choose;
                    }
                }
                chooseMatch(curLen, curAdj, litRun);
                litRun = 0;
                mf.skip(pos, skip);
                pos += skip;
            } while (pos < maxBlockEnd
                    && !(numNewObservations >= OBSERVATIONS_PER_CHECK && pos - blockStart >= MIN_BLOCK_SIZE
                            && n - pos >= MIN_BLOCK_SIZE && shouldEndBlock()));
            seqLitRun[numSeqs] = litRun;
            seqLen[numSeqs] = 0;
            numSeqs++;
            flushBlock(blockStart, pos - blockStart);
        } while (pos < n);
    }

    private static int explicitScore(int len, int adj) {
        int score = len;
        if (adj < 4096) {
            score++;
        }
        if (adj < 256) {
            score++;
        }
        return score;
    }

    private int repIdxFound;

    /** Longest match of length >= 3 at a recent offset; 0 if none. Sets {@link #repIdxFound}. */
    private int longestRepeat(int pos, int maxLen) {
        final byte[] in = this.in;
        int seq3 = LzBytes.le32(in, pos) & 0xFFFFFF;
        int best = 0;
        int idx = 0;
        if (maxLen >= 3) {
            // A recent offset may reach before the input only in CAB framing (carried from the previous frame).
            int m = pos - r0;
            if (m >= 0 && (LzBytes.le32(in, m) & 0xFFFFFF) == seq3) {
                best = LzBytes.extend(in, pos, m, 3, maxLen);
            }
            m = pos - r1;
            if (m >= 0 && (LzBytes.le32(in, m) & 0xFFFFFF) == seq3) {
                int len = LzBytes.extend(in, pos, m, 3, maxLen);
                if (len > best) {
                    best = len;
                    idx = 1;
                }
            }
            m = pos - r2;
            if (m >= 0 && (LzBytes.le32(in, m) & 0xFFFFFF) == seq3) {
                int len = LzBytes.extend(in, pos, m, 3, maxLen);
                if (len > best) {
                    best = len;
                    idx = 2;
                }
            }
        }
        repIdxFound = idx;
        return best;
    }

    private void chooseLiteral(int lit) {
        observeLiteral(lit);
        mainFreq[lit]++;
    }

    private void chooseMatch(int len, int adj, int litRun) {
        observeMatch(len);
        tallyMatch(len, adj);
        int i = numSeqs++;
        seqLitRun[i] = litRun;
        seqLen[i] = len;
        seqAdj[i] = adj;
        if (adj < 3) {
            if (adj == 1) {
                int t = r0;
                r0 = r1;
                r1 = t;
            } else if (adj == 2) {
                int t = r0;
                r0 = r2;
                r2 = t;
            }
        } else {
            if (adj >= 16) {
                alignedFreq[adj & 7]++;
            }
            r2 = r1;
            r1 = r0;
            r0 = adj - 2;
        }
    }

    // ================================================================ near-optimal parsing

    private void compressNearOptimal(int n) {
        final BinaryTreeMatchFinder mf = bt;
        final byte[] in = this.in;
        mf.reset(in, n);
        int pos = 0;
        do {
            final int blockStart = pos;
            final int maxBlockEnd = pos + Math.min(SOFT_MAX_BLOCK_SIZE, n - pos);
            resetFreqs();
            resetSplitStats();
            int c = 0;
            int nextSearch = pos;
            int nextObservation = pos;
            do {
                int i = pos - blockStart;
                cacheStart[i] = c;
                int left = n - pos;
                if (left >= BinaryTreeMatchFinder.REQUIRED_BYTES) {
                    int maxLen = Math.min(left, MAX_MATCH);
                    int nice = Math.min(niceLen, maxLen);
                    if (pos >= nextSearch) {
                        c = mf.getMatches(pos, maxLen, nice, depth, cacheLen, cacheOff, c);
                        if (pos >= nextObservation) {
                            int best = c > cacheStart[i] ? cacheLen[c - 1] : 0;
                            if (best >= 3) {
                                alignedFreq[cacheOff[c - 1] & 7]++;
                                mainFreq[NUM_CHARS]++;
                                observeMatch(best);
                                nextObservation = pos + best;
                            } else {
                                mainFreq[in[pos] & 0xFF]++;
                                observeLiteral(in[pos] & 0xFF);
                                nextObservation = pos + 1;
                            }
                        }
                        if (mf.bestLen >= nice) {
                            nextSearch = pos + mf.bestLen;
                        }
                    } else {
                        mf.skip(pos, nice, depth);
                    }
                } else if (pos >= nextObservation) {
                    mainFreq[in[pos] & 0xFF]++;
                    nextObservation = pos + 1;
                }
                pos++;
            } while (pos < maxBlockEnd && c < CACHE_LENGTH
                    && !(numNewObservations >= OBSERVATIONS_PER_CHECK && pos - blockStart >= MIN_BLOCK_SIZE
                            && maxBlockEnd - pos >= MIN_BLOCK_SIZE && shouldEndBlock()));
            cacheStart[pos - blockStart] = c;
            optimizeAndFlushBlock(blockStart, pos - blockStart);
        } while (pos < n);
    }


    private void optimizeAndFlushBlock(int blockStart, int blockSize) {
        setDefaultCosts();
        for (int pass = 1;; pass++) {
            computeMatchCosts();
            if (pass >= passes) {
                minCostPath(blockStart, blockSize, 0);
                break;
            }
            resetFreqs();
            if (pass == 1) {
                sampledFirstPass(blockStart, blockSize);
            } else {
                minCostPath(blockStart, blockSize, 0);
                walkPath(blockStart, blockSize, false);
            }
            buildCodes();
            setCostsFromCodes();
        }
        resetFreqs();
        walkPath(blockStart, blockSize, true);
        long q = queue[blockSize];
        r0 = (int) (q & QUEUE_MASK);
        r1 = (int) (q >>> QUEUE_BITS & QUEUE_MASK);
        r2 = (int) (q >>> (2 * QUEUE_BITS));
        flushBlock(blockStart, blockSize);
    }

    /**
     * The first pass only has to turn the rough default costs into statistics good enough for
     * the next: it parses {@link #SAMPLE_SEGMENTS} pieces spread over the block, together
     * {@link #SAMPLE_EIGHTHS}/8 of it, and counts their symbols.
     */
    private void sampledFirstPass(int blockStart, int blockSize) {
        int sampled = blockSize * SAMPLE_EIGHTHS / 8;
        if (sampled < MIN_SAMPLE) {
            minCostPath(blockStart, blockSize, 0);
            walkPath(blockStart, blockSize, false);
            return;
        }
        int segment = sampled / SAMPLE_SEGMENTS;
        for (int k = 0; k < SAMPLE_SEGMENTS; k++) {
            int from = (int) ((long) (blockSize - segment) * k / (SAMPLE_SEGMENTS - 1));
            minCostPath(blockStart + from, segment, from);
            walkPath(blockStart + from, segment, false);
        }
    }

    private static int costForProbability(float prob) {
        int cost = (int) (-(Math.log(prob) / Math.log(2)) * BIT_COST);
        return Math.max(cost, BIT_COST);
    }

    /** Initial cost model, from the matchfinder's rough literal/match statistics. */
    private void setDefaultCosts() {
        int numLiterals = 0;
        int usedLiterals = 0;
        for (int i = 0; i < NUM_CHARS; i++) {
            numLiterals += mainFreq[i];
            usedLiterals += mainFreq[i] != 0 ? 1 : 0;
        }
        int numMatches = mainFreq[NUM_CHARS];
        float invItems = 1.0f / Math.max(1, numLiterals + numMatches);
        // Heuristic probability of a literal given how many distinct ones are used:
        // 2^-((304 + used) / 64).
        float baseLiteralProb = (float) Math.pow(2, -(304 + usedLiterals) / 64.0);
        float probMatch = 1.0f;
        for (int i = 0; i < NUM_CHARS; i++) {
            int f = mainFreq[i];
            if (f != 0) {
                float prob = 0.5f * (f * invItems + baseLiteralProb);
                mainCost[i] = costForProbability(prob);
                probMatch -= prob;
            } else {
                mainCost[i] = 11 * BIT_COST;
            }
        }
        probMatch = Math.max(probMatch, 0.15f);
        int headerCost = costForProbability(probMatch / (numMainSyms - NUM_CHARS));
        for (int i = NUM_CHARS; i < numMainSyms; i++) {
            mainCost[i] = headerCost;
        }
        System.arraycopy(DEFAULT_LEN_COSTS, 0, lenCost, 0, LEN_SYMS);
        for (int i = 0; i < ALIGNED_SYMS; i++) {
            // The statistics counted offsets, not adjusted offsets: shift by 2.
            int f = alignedFreq[(i - 2) & 7];
            alignedCost[i] = f != 0 ? costForProbability((float) f / Math.max(1, numMatches)) : 6 * BIT_COST;
        }
    }

    private void setCostsFromCodes() {
        for (int i = 0; i < numMainSyms; i++) {
            mainCost[i] = (mainLens[i] != 0 ? mainLens[i] : MAIN_LIMIT) * BIT_COST;
        }
        for (int i = 0; i < LEN_SYMS; i++) {
            lenCost[i] = (lenLens[i] != 0 ? lenLens[i] : LEN_LIMIT) * BIT_COST;
        }
        for (int i = 0; i < ALIGNED_SYMS; i++) {
            alignedCost[i] = (alignedLens[i] != 0 ? alignedLens[i] : ALIGNED_LIMIT) * BIT_COST;
        }
    }

    /** Cost of every (slot, length) pair, aligned bits excluded (they are added per offset). */
    private void computeMatchCosts() {
        int sym = NUM_CHARS;
        for (int slot = 0; slot < numSlots; slot++) {
            int extra = EXTRA_BITS[slot] * BIT_COST;
            if (slot >= MIN_ALIGNED_SLOT) {
                extra -= 3 * BIT_COST;
            }
            int row = slot * 256;
            for (int i = 0; i < NUM_PRIMARY_LENS; i++) {
                matchCost[row + i] = mainCost[sym++] + extra;
            }
            extra += mainCost[sym++];
            for (int i = NUM_PRIMARY_LENS; i < 256; i++) {
                matchCost[row + i] = lenCost[i - NUM_PRIMARY_LENS] + extra;
            }
        }
    }

    /**
     * Forward minimum-cost pass over {@code blockSize} bytes from {@code blockStart}, whose
     * cached matches start at {@code cacheStart[cacheIndex]}. Node {@code i} is the position
     * {@code blockStart + i}: {@code node[i]} packs the cheapest found cost to reach it (high
     * half) with how (low half: literal {@code byte << 9}, or {@code adj << 9 | length}, or a
     * gap flag with {@code literal << 9 | rep0 length}), so that one compare of a candidate
     * {@code cost << 32} against it decides, and {@code queue[i]} the R0..R2 queue after that
     * path ({@link #QUEUE_BITS} bits each).
     */
    private void minCostPath(int blockStart, int blockSize, int cacheIndex) {
        final byte[] in = this.in;
        final long[] node = this.node;
        final long[] queue = this.queue;
        final int[] mc = matchCost;
        final int[] mainCost = this.mainCost;
        final int[] alignedCost = this.alignedCost;
        final int[] cLen = cacheLen;
        final int[] cOff = cacheOff;
        final int[] cacheStart = this.cacheStart;
        final int blockEnd = blockStart + blockSize;
        Arrays.fill(node, 1, blockSize + 1, (long) INFINITE << 32);
        node[0] = 0;
        queue[0] = r0 | (long) r1 << QUEUE_BITS | (long) r2 << (2 * QUEUE_BITS);
        for (int i = 0; i < blockSize; i++) {
            final int p = blockStart + i;
            final long here = node[i];
            final int base = (int) (here >>> 32);
            final long q = queue[i];
            int m = cacheStart[cacheIndex + i];
            final int mEnd = cacheStart[cacheIndex + i + 1];
            final int maxLen = Math.min(blockEnd - p, MAX_MATCH);
            if (m < mEnd && maxLen >= MIN_MATCH) {
                int nextLen = MIN_MATCH;
                matches: {
                    // Repeat offsets, each tried only for lengths the previous could not reach.
                    int cur16 = LzBytes.le16(in, p);
                    for (int k = 0; k < 3; k++) {
                        int mp = p - (int) (q >>> (k * QUEUE_BITS) & QUEUE_MASK);
                        if (mp < 0 || LzBytes.le16(in, mp) != cur16) {
                            continue;
                        }
                        if (nextLen > 2) {
                            if (in[mp + nextLen - 1] != in[p + nextLen - 1]) {
                                continue;
                            }
                            boolean same = true;
                            for (int l = 2; l < nextLen - 1; l++) {
                                if (in[mp + l] != in[p + l]) {
                                    same = false;
                                    break;
                                }
                            }
                            if (!same) {
                                continue;
                            }
                        }
                        int row = k * 256 - MIN_MATCH;
                        long rep = (long) k << ITEM_LEN_BITS;
                        do {
                            // "<=": on a tie prefer the repeat match (it keeps the queue).
                            long c = (long) (base + mc[row + nextLen]) << 32;
                            if (c <= node[i + nextLen]) {
                                node[i + nextLen] = c | rep | nextLen;
                            }
                            if (++nextLen > maxLen) {
                                break matches;
                            }
                        } while (in[p + nextLen - 1] == in[mp + nextLen - 1]);
                    }
                    while (cLen[m] < nextLen) {
                        if (++m == mEnd) {
                            break matches;
                        }
                    }
                    // Explicit offsets: the closest offset for each length.
                    int c = 0;
                    int off = 0;
                    int adj = 0;
                    for (;;) {
                        off = cOff[m];
                        adj = off + 2;
                        int row = slotOf(adj) * 256 - MIN_MATCH;
                        // Compared as (cost + 1) << 32 <= node: a strictly lower cost wins.
                        long b = (long) base + 1;
                        if (adj >= 16) {
                            b += alignedCost[adj & 7];
                        }
                        long how = (long) adj << ITEM_LEN_BITS;
                        int len = Math.min(cLen[m], maxLen);
                        for (; nextLen <= len; nextLen++) {
                            long v = b + mc[row + nextLen] << 32;
                            if (v <= node[i + nextLen]) {
                                node[i + nextLen] = v - (1L << 32) | how | nextLen;
                            }
                        }
                        if (++m == mEnd || nextLen > maxLen) {
                            c = (int) (b - 1) + mc[row + nextLen - 1];
                            break;
                        }
                    }
                    // Gap match: the longest explicit match, a literal, then rep0 again.
                    int explicitLen = nextLen - 1;
                    int remaining = blockEnd - p - nextLen;
                    if (explicitLen >= MIN_MATCH && remaining >= 2) {
                        int s = p + nextLen;
                        int mp = s - off;
                        if (LzBytes.le16(in, s) == LzBytes.le16(in, mp)) {
                            int limit = Math.min(remaining, 250);
                            int repLen = LzBytes.extend(in, s, mp, 2, limit);
                            int lit = in[s - 1] & 0xFF;
                            c += mainCost[lit] + mc[repLen - MIN_MATCH];
                            int total = nextLen + repLen;
                            long v = (long) c + 1 << 32;
                            if (v <= node[i + total]) {
                                node[i + total] = v - (1L << 32) | GAP_FLAG_BITS | lit << ITEM_LEN_BITS | repLen;
                                gapMatch[i + total] = adj << ITEM_LEN_BITS | explicitLen;
                            }
                        }
                    }
                }
            }
            // The literal, then finalize node i + 1.
            int lit = in[p] & 0xFF;
            long c = (long) (base + mainCost[lit]) << 32;
            int j = i + 1;
            long there = node[j];
            if (c <= there) {
                node[j] = c | lit << ITEM_LEN_BITS;
                queue[j] = q;
            } else {
                int it = (int) there;
                int len = it & ITEM_LEN_MASK;
                if (it < 0) {
                    int g = gapMatch[j];
                    long from = queue[j - len - 1 - (g & ITEM_LEN_MASK)];
                    queue[j] = pushOffset(from, (g >>> ITEM_LEN_BITS) - 2);
                } else {
                    int adj = it >>> ITEM_LEN_BITS;
                    long from = queue[j - len];
                    if (adj >= 3) {
                        queue[j] = pushOffset(from, adj - 2);
                    } else if (adj == 0) {
                        queue[j] = from;
                    } else {
                        // Repeat k: swap Rk with R0.
                        int shift = adj * QUEUE_BITS;
                        long rk = from >>> shift & QUEUE_MASK;
                        long keep = from & ~(QUEUE_MASK | QUEUE_MASK << shift);
                        queue[j] = keep | rk | (from & QUEUE_MASK) << shift;
                    }
                }
            }
        }
    }

    /** The queue after an explicit offset: it becomes R0, R0 and R1 move down, R2 drops out. */
    private static long pushOffset(long queue, int offset) {
        return (queue << QUEUE_BITS & QUEUE_ALL) | offset;
    }

    /**
     * Walks the chosen path backwards, counting symbols; with {@code record}, also stores
     * the block's sequences (in order) for {@link #flushBlock}.
     */
    private void walkPath(int blockStart, int blockSize, boolean record) {
        final long[] nodes = this.node;
        // Sequences are produced last to first; store them from the end, then move down.
        int s = seqLitRun.length - 1;
        int node = blockSize;
        int litEnd = node;
        if (record) {
            seqLen[s] = 0;
        }
        for (;;) {
            int it;
            while (node > 0 && ((it = (int) nodes[node]) & ITEM_LEN_MASK) == 0) {
                mainFreq[it >>> ITEM_LEN_BITS]++;
                node--;
            }
            if (node == 0) {
                break;
            }
            it = (int) nodes[node];
            int len = it & ITEM_LEN_MASK;
            if (it < 0) {
                // rep0 match after the gap literal
                tallyMatch(len, 0);
                if (record) {
                    seqLitRun[s] = litEnd - node;
                    s--;
                    seqLen[s] = len;
                    seqAdj[s] = 0;
                    litEnd = node - len;
                }
                mainFreq[(it >>> ITEM_LEN_BITS) & 0xFF]++;
                it = gapMatch[node];
                node -= len + 1;
                len = it & ITEM_LEN_MASK;
            }
            int adj = it >>> ITEM_LEN_BITS;
            tallyMatch(len, adj);
            if (adj >= 16) {
                alignedFreq[adj & 7]++;
            }
            if (record) {
                seqLitRun[s] = litEnd - node;
                s--;
                seqLen[s] = len;
                seqAdj[s] = adj;
                litEnd = node - len;
            }
            node -= len;
        }
        if (record) {
            seqLitRun[s] = litEnd - node;
            int count = seqLitRun.length - s;
            System.arraycopy(seqLitRun, s, seqLitRun, 0, count);
            System.arraycopy(seqLen, s, seqLen, 0, count);
            System.arraycopy(seqAdj, s, seqAdj, 0, count);
            numSeqs = count;
        }
    }

    // ================================================================ output

    private void buildCodes() {
        lengthBuilder.build(mainFreq, numMainSyms, MAIN_LIMIT, mainLens);
        lengthBuilder.build(lenFreq, LEN_SYMS, LEN_LIMIT, lenLens);
        lengthBuilder.build(alignedFreq, ALIGNED_SYMS, ALIGNED_LIMIT, alignedLens);
    }

    /** Builds the codes from the block's counts, picks the block type and writes it. */
    private void flushBlock(int blockStart, int blockSize) {
        buildCodes();
        CanonicalCode.assign(mainLens, numMainSyms, MAIN_LIMIT, mainCodes);
        CanonicalCode.assign(lenLens, LEN_SYMS, LEN_LIMIT, lenCodes);
        CanonicalCode.assign(alignedLens, ALIGNED_SYMS, ALIGNED_LIMIT, alignedCodes);
        int verbatimBits = 0;
        int alignedBits = 3 * ALIGNED_SYMS;
        for (int i = 0; i < ALIGNED_SYMS; i++) {
            verbatimBits += 3 * alignedFreq[i];
            alignedBits += alignedLens[i] * alignedFreq[i];
        }
        boolean aligned = alignedBits < verbatimBits;

        writeBits(aligned ? 2 : 1, 3);
        if (cabFraming) {
            writeBits(blockSize >>> 8, 16);
            writeBits(blockSize & 0xFF, 8);
        } else if (blockSize == DEFAULT_BLOCK_SIZE) {
            writeBits(1, 1);
        } else {
            writeBits(0, 1);
            if (windowOrder >= 16) {
                writeBits(blockSize >>> 16, 8);
            }
            writeBits(blockSize & 0xFFFF, 16);
        }
        if (aligned) {
            for (int i = 0; i < ALIGNED_SYMS; i++) {
                writeBits(alignedLens[i], 3);
            }
        }
        writeLengths(mainLens, prevMainLens, 0, NUM_CHARS);
        writeLengths(mainLens, prevMainLens, NUM_CHARS, numMainSyms - NUM_CHARS);
        writeLengths(lenLens, prevLenLens, 0, LEN_SYMS);
        writeSequences(blockStart, aligned);
        System.arraycopy(mainLens, 0, prevMainLens, 0, numMainSyms);
        System.arraycopy(lenLens, 0, prevLenLens, 0, LEN_SYMS);
    }

    /**
     * Writes {@code lens[start..start+count)} as pretree-coded deltas from {@code prev}:
     * runs of zeros as symbols 17/18, runs of 4-5 equal non-zero lengths as symbol 19.
     */
    private void writeLengths(byte[] lens, byte[] prev, int start, int count) {
        Arrays.fill(preFreq, 0);
        int n = 0;
        final int end = start + count;
        int i = start;
        while (i < end) {
            int len = lens[i];
            int runEnd = i + 1;
            while (runEnd < end && lens[runEnd] == len) {
                runEnd++;
            }
            if (runEnd - i >= 4) {
                if (len == 0) {
                    while (runEnd - i >= 20) {
                        int extra = Math.min(runEnd - i - 20, 31);
                        preFreq[18]++;
                        preItems[n++] = 18 | extra << 5;
                        i += 20 + extra;
                    }
                    if (runEnd - i >= 4) {
                        int extra = Math.min(runEnd - i - 4, 15);
                        preFreq[17]++;
                        preItems[n++] = 17 | extra << 5;
                        i += 4 + extra;
                    }
                } else {
                    while (runEnd - i >= 4) {
                        int extra = runEnd - i > 4 ? 1 : 0;
                        int delta = delta(prev[i], len);
                        preFreq[19]++;
                        preFreq[delta]++;
                        preItems[n++] = 19 | extra << 5 | delta << 6;
                        i += 4 + extra;
                    }
                }
            }
            while (i < runEnd) {
                int delta = delta(prev[i], len);
                preFreq[delta]++;
                preItems[n++] = delta;
                i++;
            }
        }
        lengthBuilder.build(preFreq, PRECODE_SYMS, PRE_LIMIT, preLens);
        CanonicalCode.assign(preLens, PRECODE_SYMS, PRE_LIMIT, preCodes);
        for (int k = 0; k < PRECODE_SYMS; k++) {
            writeBits(preLens[k], 4);
        }
        for (int k = 0; k < n; k++) {
            int it = preItems[k];
            int sym = it & 31;
            writeBits(preCodes[sym], preLens[sym]);
            if (sym == 17) {
                writeBits(it >>> 5, 4);
            } else if (sym == 18) {
                writeBits(it >>> 5, 5);
            } else if (sym == 19) {
                writeBits((it >>> 5) & 1, 1);
                int d = it >>> 6;
                writeBits(preCodes[d], preLens[d]);
            }
        }
    }

    private static int delta(int prev, int len) {
        int d = prev - len;
        return d < 0 ? d + 17 : d;
    }

    private void writeSequences(int blockStart, boolean aligned) {
        final byte[] in = this.in;
        final int[] mainCodes = this.mainCodes;
        final byte[] mainLens = this.mainLens;
        final int minAlignedSlot = aligned ? MIN_ALIGNED_SLOT : MAX_OFFSET_SLOTS;
        int p = blockStart;
        for (int s = 0; s < numSeqs; s++) {
            for (int end = p + seqLitRun[s]; p < end; p++) {
                int lit = in[p] & 0xFF;
                writeBits(mainCodes[lit], mainLens[lit]);
            }
            int len = seqLen[s];
            if (len == 0) {
                continue;
            }
            p += len;
            int adj = seqAdj[s];
            int slot = adj < 3 ? adj : slotOf(adj);
            int header = Math.min(len - MIN_MATCH, NUM_PRIMARY_LENS);
            int sym = NUM_CHARS + slot * 8 + header;
            writeBits(mainCodes[sym], mainLens[sym]);
            if (header == NUM_PRIMARY_LENS) {
                int ls = len - MIN_LEN_SYM_MATCH;
                writeBits(lenCodes[ls], lenLens[ls]);
            }
            if (slot >= 3) {
                int extra = adj - 2 - SLOT_BASE[slot];
                int nbits = EXTRA_BITS[slot];
                if (slot >= minAlignedSlot) {
                    writeBits(extra >>> 3, nbits - 3);
                    writeBits(alignedCodes[adj & 7], alignedLens[adj & 7]);
                } else {
                    writeBits(extra, nbits);
                }
            }
        }
    }

    /** Appends {@code n <= 32} bits, most significant first, in 16-bit little-endian units. */
    private void writeBits(int bits, int n) {
        bitBuf = bitBuf << n | (bits & 0xFFFF_FFFFL);
        bitCount += n;
        while (bitCount >= 16) {
            bitCount -= 16;
            writeUnit((int) (bitBuf >>> bitCount));
        }
    }

    private void writeUnit(int v) {
        if (outEnd - outPos < 2) {
            overflow = true;
            return;
        }
        out[outPos] = (byte) v;
        out[outPos + 1] = (byte) (v >>> 8);
        outPos += 2;
    }

    /**
     * Initial length symbol costs (in 1/64 bits): short lengths are far more common, the
     * cost saturates near 12 bits; the longest length is cheaper (runs of long matches).
     */
    private static final int[] DEFAULT_LEN_COSTS = new int[LEN_SYMS];

    static {
        for (int i = 0; i < LEN_SYMS; i++) {
            DEFAULT_LEN_COSTS[i] = (int) Math.round(764 - 464 * Math.exp(-i / 22.0));
        }
        DEFAULT_LEN_COSTS[LEN_SYMS - 1] = 584;
    }
}
