package org.fenestra.compress.lzms;

import java.util.Arrays;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.lz.ChunkArguments;
import org.fenestra.compress.matchfinder.LargeWindowMatchFinder;
import org.fenestra.compress.matchfinder.LzBytes;
import org.fenestra.compress.matchfinder.SuffixArrayMatchFinder;

/**
 * LZMS chunk encoder (see {@link LzmsDecompressor} for the format). The chunk is copied and
 * x86-translated ({@link X86Filter#apply}), then parsed into items which
 * {@link LzmsItemEncoder} writes: range-coded decisions forwards from the start of the
 * output, Huffman codes and verbatim bits backwards from its end; finally the backward
 * part is moved down to follow the forward part.
 *
 * <p>Parsing (levels as in {@link org.fenestra.compress.codecs.Compressors}): below level
 * {@value #MIN_OPTIMAL_LEVEL} lazy parsing which also tries the three LZ repeat offsets the
 * decoder will see, searching a {@link LargeWindowMatchFinder}; from there
 * {@link NearOptimalParser} (with delta matches from {@value #MIN_DELTA_LEVEL}, "match +
 * literal + repeat" from {@value #MIN_GAP_LEVEL}), searching a {@link SuffixArrayMatchFinder},
 * which finds the closest match of every length anywhere in the window.
 *
 * <p>Matches are searched within windows of at most {@value #MAX_WINDOW} bytes (64 MiB), or
 * a thirty-second of the heap if that is less (a power of two, at least 1 MiB): a larger
 * chunk is coded as one stream, but explicit matches do not reach back past the start of the
 * window holding their position (repeat matches may); the lazy parser's also not farther than
 * its tree ring ({@value #TREE_WINDOW} bytes, 32 MiB). Memory per instance grows with the
 * largest chunk seen: the chunk copy and an output scratch buffer (chunk size each; plus a
 * window copy for chunks above the window) and the match finder. The near-optimal parser's
 * takes 12 bytes per window byte (and, while it sorts, some 10% more); some 930 MiB for a
 * 64 MiB solid chunk, about 1.5 MiB for a 32 KiB chunk. The lazy parser's takes 8 bytes per
 * ring slot plus a head table of up to 16 MiB.
 */
public final class LzmsCompressor implements ChunkCompressor {

    /** Largest match-finder window. */
    public static final int MAX_WINDOW = 1 << 26;

    private static final int MIN_INPUT = 64;
    /** Levels from this one use near-optimal parsing. */
    private static final int MIN_OPTIMAL_LEVEL = 30;
    /** Levels from this one also look for delta matches (as wimlib). */
    private static final int MIN_DELTA_LEVEL = 35;
    /** Levels from this one also try "match + literal + repeat 0" (as wimlib). */
    private static final int MIN_GAP_LEVEL = 45;
    /** Farthest reach of an explicit match (plus one): the match finder's tree ring. */
    private static final int TREE_WINDOW = 1 << 25;
    /** Positions this close to a window's end are coded as literals (match finders need lookahead). */
    private static final int TAIL = 8;
    /** Longest match tried; longer runs are coded as several matches. */
    static final int MAX_MATCH = 1 << 16;

    private final int chunkSize;
    private final boolean lazy;
    private final int maxWindow;
    private final int depth;
    private final int niceLen;

    private final X86Filter x86 = new X86Filter();
    private final LzmsItemEncoder enc;
    private byte[] in = new byte[0];
    private byte[] out = new byte[0];
    private byte[] window;
    private final int[] lazyLen = new int[1];
    private final int[] lazyOff = new int[1];
    private LargeWindowMatchFinder lw;
    private SuffixArrayMatchFinder sa;
    private int finderSize;
    private final NearOptimalParser optimal;

    /**
     * @param chunkSize largest chunk, 1..2^30
     * @param level     1..1000, see {@link org.fenestra.compress.codecs.Compressors}
     */
    public LzmsCompressor(int chunkSize, int level) {
        this(chunkSize, level, windowForHeap(Runtime.getRuntime().maxMemory()));
    }

    /**
     * The match-finder window for a heap of {@code maxHeap} bytes: 64 MiB from a 2 GiB heap,
     * less below, so that a compressor (about 14 window sizes) fits in half the heap.
     */
    static int windowForHeap(long maxHeap) {
        long thirtySecond = Math.max(1 << 20, Math.min(MAX_WINDOW, maxHeap / 32));
        return Integer.highestOneBit((int) thirtySecond);
    }

    /** With a smaller match-finder window (tests of windowed chunks). */
    LzmsCompressor(int chunkSize, int level, int maxWindow) {
        if (chunkSize <= 0 || chunkSize > LzmsDecompressor.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("unsupported LZMS chunk size " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.maxWindow = maxWindow;
        this.depth = Math.max(4, level * 2 / 3);
        this.niceLen = Math.min(MAX_MATCH, Math.max(16, level * 48 / 50));
        this.enc = new LzmsItemEncoder(chunkSize);
        this.lazy = level < MIN_OPTIMAL_LEVEL;
        this.optimal = lazy ? null : new NearOptimalParser(enc, niceLen, level >= MIN_DELTA_LEVEL,
                level >= MIN_GAP_LEVEL);
    }

    @Override
    public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity) {
        ChunkArguments.checkCompress(src, srcOff, srcLen, dst, dstOff, dstCapacity, chunkSize);
        if (srcLen < MIN_INPUT) {
            return 0;
        }
        if (in.length < srcLen + LzBytes.PADDING) {
            in = new byte[srcLen + LzBytes.PADDING];
        }
        System.arraycopy(src, srcOff, in, 0, srcLen);
        Arrays.fill(in, srcLen, srcLen + LzBytes.PADDING, (byte) 0);
        x86.apply(in, 0, srcLen);
        // The result must be smaller than the input, so never use more room than srcLen - 1.
        // The backward stream starts at the end of the room, so both streams are written to
        // a scratch buffer and only the final bytes are copied: nothing past them is touched.
        int capacity = Math.min(dstCapacity, srcLen - 1);
        if (out.length < capacity) {
            out = new byte[Math.max(capacity, Math.min(chunkSize, 2 * out.length))];
        }
        enc.reset(out, 0, capacity, srcLen);
        if (!(lazy ? parseLazy(srcLen) : parseNearOptimal(srcLen))) {
            return 0;
        }
        int size = enc.finish(out);
        System.arraycopy(out, 0, dst, dstOff, size);
        return size;
    }

    /** The match finder's buffer for the window starting at {@code start}: the chunk copy, or a copy of the window. */
    private byte[] windowBuffer(int start, int n) {
        int size = Math.min(maxWindow, n - start);
        if (start == 0 && size == n) {
            return in;
        }
        if (window == null || window.length < size + LzBytes.PADDING) {
            window = new byte[Math.min(maxWindow, n) + LzBytes.PADDING];
        }
        System.arraycopy(in, start, window, 0, size + (start + size == n ? 0 : LzBytes.PADDING));
        if (start + size == n) {
            Arrays.fill(window, size, size + LzBytes.PADDING, (byte) 0);
        }
        return window;
    }

    /**
     * Sizes the match finder of this compressor's parser ({@link #lw} when lazy, else
     * {@link #sa}) for the window starting at {@code start} and resets it to that window.
     */
    private void loadMatchFinder(int start, int n) {
        int size = Math.min(maxWindow, n - start);
        if (finderSize < size) {
            lw = null; // let the old tables go before allocating the new ones
            sa = null;
            if (lazy) {
                lw = new LargeWindowMatchFinder(size, TREE_WINDOW);
            } else {
                sa = new SuffixArrayMatchFinder(size, niceLen);
            }
            finderSize = size;
        }
        byte[] buffer = windowBuffer(start, n);
        if (lazy) {
            lw.reset(buffer, size);
        } else {
            sa.reset(buffer, size);
        }
    }

    private boolean parseNearOptimal(int n) {
        for (int start = 0; start < n; start += maxWindow) {
            int size = Math.min(maxWindow, n - start);
            loadMatchFinder(start, n);
            if (!optimal.parse(in, start, start + size, sa, TAIL)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The longest match at chunk position {@code p}, window position {@code p - winStart}
     * (0 if none, offset in {@code lazyOff[0]}).
     */
    private int longestMatch(LargeWindowMatchFinder mf, int p, int winStart, int maxLen, int nice, int depth) {
        mf.getMatches(p - winStart, nice, depth, lazyLen, lazyOff, 0, 1);
        int len = mf.bestLen;
        return len >= nice ? LzBytes.extend(in, p, p - lazyOff[0], nice, maxLen) : len;
    }

    /** Lazy parsing; returns false as soon as the output no longer fits. */
    private boolean parseLazy(int n) {
        final LzmsItemEncoder enc = this.enc;
        final byte[] in = this.in;
        int pos = 0;
        int itemsSinceCheck = 0;
        while (pos < n) {
            int winStart = pos;
            int winEnd = Math.min(n, winStart + maxWindow);
            loadMatchFinder(winStart, n);
            LargeWindowMatchFinder mf = lw;
            int pendingLen = 0;   // match found at pos by the previous step's lookahead
            int pendingOff = 0;
            while (pos < winEnd) {
                if (++itemsSinceCheck == 4096) {
                    itemsSinceCheck = 0;
                    if (enc.full()) {
                        return false;
                    }
                }
                int left = winEnd - pos;
                if (left < TAIL) {
                    enc.literal(in[pos++]);
                    continue;
                }
                int maxLen = Math.min(left, MAX_MATCH);
                int nice = Math.min(niceLen, maxLen);
                // Repeat offsets first: cheap and often the best choice.
                int repLen = 0;
                int repOff = 0;
                for (int r = 0; r < 3; r++) {
                    int off = enc.lzRepOffset(r);
                    if (off <= pos && in[pos] == in[pos - off] && in[pos + 1] == in[pos + 1 - off]) {
                        int len = LzBytes.extend(in, pos, pos - off, 2, maxLen);
                        if (len > repLen) {
                            repLen = len;
                            repOff = off;
                        }
                    }
                }
                if (repLen >= nice) {
                    if (pendingLen == 0) {
                        mf.skip(pos - winStart, 1, niceLen, depth);
                    }
                    enc.lzMatch(repOff, repLen);
                    mf.skip(pos + 1 - winStart, repLen - 1, niceLen, depth);
                    pos += repLen;
                    pendingLen = 0;
                    continue;
                }
                int len;
                int off;
                if (pendingLen != 0) {
                    len = pendingLen;
                    off = pendingOff;
                } else {
                    len = longestMatch(mf, pos, winStart, maxLen, nice, depth);
                    off = lazyOff[0];
                }
                pendingLen = 0;
                int score = len >= 3 ? explicitScore(len, off) : Integer.MIN_VALUE;
                int repScore = repLen >= 2 ? repScore(repLen) : Integer.MIN_VALUE;
                if (repScore >= score && repLen >= 2) {
                    enc.lzMatch(repOff, repLen);
                    mf.skip(pos + 1 - winStart, repLen - 1, niceLen, depth);
                    pos += repLen;
                    continue;
                }
                if (score <= 0) {
                    enc.literal(in[pos++]);
                    continue;
                }
                // Lazy step: would a match at the next position be better?
                if (len < nice && left > TAIL + 1) {
                    int nextLen = longestMatch(mf, pos + 1, winStart, Math.min(left - 1, MAX_MATCH),
                            Math.min(nice, left - 1), Math.max(1, depth >>> 1));
                    if (nextLen > len && explicitScore(nextLen, lazyOff[0]) > score + 4) {
                        enc.literal(in[pos++]);
                        pendingLen = nextLen;
                        pendingOff = lazyOff[0];
                        continue;
                    }
                    enc.lzMatch(off, len);
                    mf.skip(pos + 2 - winStart, len - 2, niceLen, depth);
                    pos += len;
                    continue;
                }
                enc.lzMatch(off, len);
                mf.skip(pos + 1 - winStart, len - 1, niceLen, depth);
                pos += len;
            }
        }
        return !enc.full();
    }

    /** Rough worth of an explicit match in quarter bits: length against offset size. */
    private static int explicitScore(int len, int off) {
        int offBits = 32 - Integer.numberOfLeadingZeros(off);
        return len * 16 - offBits * 4 - 24;
    }

    private static int repScore(int len) {
        return len * 16 - 20;
    }
}
