package org.fenestra.compress.codecs;

import java.util.Objects;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.FrameCompressor;
import org.fenestra.compress.lz.ChunkArguments;
import org.fenestra.compress.lzms.LzmsCompressor;
import org.fenestra.compress.lzx.LzxCompressor;
import org.fenestra.compress.lzx.LzxFrameCompressor;
import org.fenestra.compress.xpress.XpressCompressor;

/**
 * Creates chunk compressors.
 *
 * <p><b>Levels</b> follow wimlib's scale: 1 is fastest, {@value #DEFAULT_LEVEL} is the
 * default, 100 is "best"; higher values are accepted (up to {@value #MAX_LEVEL}) and just
 * search harder. How each codec maps levels to its parser:
 * <ul>
 * <li>XPRESS: below 30 greedy parsing on hash chains; 30..59 lazy parsing on hash chains;
 * 60 and above near-optimal (minimum-cost path) parsing on binary trees, with one more
 * cost-refinement pass every 40 levels.</li>
 * <li>LZX: up to 34 lazy parsing on hash chains with repeat-offset heuristics; 35 and
 * above near-optimal parsing on binary trees with repeat offsets and iterated costs (2
 * passes from 45, 3 from 70, 4 from 100).</li>
 * <li>LZMS: below 30 lazy parsing that also tries the three LZ repeat offsets, on binary
 * trees kept in a 32 MiB ring (their hash table grows with the window); 30 and above
 * near-optimal parsing (per block of 2048 positions, tracking the repeat queue and coding
 * contexts along the path), from 35 also with delta matches, from 45 also trying "match +
 * literal + repeat", searching the window's suffix array through a tree of lcp-intervals,
 * which gives the closest match of every length anywhere in the window. Matches are
 * searched in windows of up to 64 MiB, so chunks up to 1 GiB need bounded match-finder
 * memory.</li>
 * </ul>
 * Search depth and "nice" match length grow linearly with the level in every mode.
 *
 * @since 0.1
 */
public final class Compressors {

    /** The default compression level (wimlib's). */
    public static final int DEFAULT_LEVEL = 50;
    /** The highest level accepted. */
    public static final int MAX_LEVEL = 1000;

    private Compressors() {
    }

    /**
     * Creates a compressor for chunks of at most {@code chunkSize} bytes; chunk sizes are
     * validated as in {@link Decompressors#create(CompressionType, int)}. The instance
     * reuses its buffers and is not thread-safe: create one per thread.
     *
     * @param level 1..{@value #MAX_LEVEL}, see the class comment
     * @throws IllegalArgumentException if the chunk size or level is not valid, or the type
     *         has no compressor (yet)
     */
    public static ChunkCompressor create(CompressionType type, int chunkSize, int level) {
        Objects.requireNonNull(type, "type");
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("compression level " + level + " is not in 1.." + MAX_LEVEL);
        }
        switch (type) {
            case NONE:
                if (chunkSize <= 0) {
                    throw badSize(type, chunkSize);
                }
                return new StoreCompressor(chunkSize);
            case XPRESS:
                requirePowerOfTwo(type, chunkSize, 12, 16);
                return new XpressCompressor(chunkSize, level);
            case LZX:
                requirePowerOfTwo(type, chunkSize, 15, 21);
                return new LzxCompressor(chunkSize, level);
            case LZMS:
                requirePowerOfTwo(type, chunkSize, 15, 30);
                return new LzmsCompressor(chunkSize, level);
            default:
                throw new IllegalArgumentException("no compressor for " + type + " yet");
        }
    }

    /** Creates a compressor at the {@linkplain #DEFAULT_LEVEL default level}. */
    public static ChunkCompressor create(CompressionType type, int chunkSize) {
        return create(type, chunkSize, DEFAULT_LEVEL);
    }

    /**
     * Creates an encoder of LZX as MS-CAB folders hold it (what {@link Decompressors#lzxFrames}
     * reads): one frame of up to 32768 bytes per CFDATA block, state carried from frame to frame.
     * Matches stay within their frame.
     *
     * @param windowOrder 15 to 21, written into the folder's compression type by the caller
     * @param level       1..{@value #MAX_LEVEL}, as for {@link CompressionType#LZX}
     * @param e8FileSize  the E8 translation size to put in the stream header (Microsoft's tools
     *                    use 12000000); 0 for no translation
     * @throws IllegalArgumentException if the window order or level is out of range
     */
    public static FrameCompressor lzxFrames(int windowOrder, int level, int e8FileSize) {
        if (level < 1 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("compression level " + level + " is not in 1.." + MAX_LEVEL);
        }
        return new LzxFrameCompressor(windowOrder, level, e8FileSize);
    }

    private static void requirePowerOfTwo(CompressionType type, int chunkSize, int minOrder, int maxOrder) {
        if (chunkSize < (1 << minOrder) || chunkSize > (1 << maxOrder) || Integer.bitCount(chunkSize) != 1) {
            throw badSize(type, chunkSize);
        }
    }

    private static IllegalArgumentException badSize(CompressionType type, int chunkSize) {
        return new IllegalArgumentException("unsupported " + type + " chunk size " + chunkSize);
    }

    /** NONE: nothing ever gets smaller, so every chunk is stored raw. */
    static final class StoreCompressor implements ChunkCompressor {
        private final int chunkSize;

        StoreCompressor(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        @Override
        public int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity) {
            ChunkArguments.checkCompress(src, srcOff, srcLen, dst, dstOff, dstCapacity, chunkSize);
            return 0;
        }
    }
}
