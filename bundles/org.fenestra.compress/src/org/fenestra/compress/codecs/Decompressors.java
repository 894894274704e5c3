package org.fenestra.compress.codecs;

import java.util.Objects;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.FrameDecompressor;
import org.fenestra.compress.lzms.LzmsDecompressor;
import org.fenestra.compress.lzx.LzxDecompressor;
import org.fenestra.compress.lzx.LzxFrameDecompressor;
import org.fenestra.compress.xpress.XpressDecompressor;

/**
 * Creates chunk decompressors.
 *
 * @since 0.1
 */
public final class Decompressors {

    private Decompressors() {
    }

    /**
     * Creates a decompressor for chunks of at most {@code chunkSize} uncompressed bytes.
     * The chunk size is the WIM resource's chunk size (or the solid resource's), not the
     * size of an individual (possibly shorter, last) chunk. Accepted sizes, as wimlib:
     * <ul>
     * <li>{@link CompressionType#NONE}: any positive size;</li>
     * <li>{@link CompressionType#XPRESS}: a power of two from 2^12 (4 KiB) to 2^16 (64 KiB);</li>
     * <li>{@link CompressionType#LZX}: a power of two from 2^15 (32 KiB) to 2^21 (2 MiB);
     * the LZX window, and thus the decoder's alphabet, follows from it;</li>
     * <li>{@link CompressionType#LZMS}: a power of two from 2^15 (32 KiB) to 2^30 (1 GiB).</li>
     * </ul>
     * The returned instance reuses its tables and is not thread-safe.
     *
     * @throws IllegalArgumentException if {@code chunkSize} is not valid for {@code type}
     */
    public static ChunkDecompressor create(CompressionType type, int chunkSize) {
        Objects.requireNonNull(type, "type");
        switch (type) {
            case NONE:
                if (chunkSize <= 0) {
                    throw badSize(type, chunkSize);
                }
                return new CopyDecompressor();
            case XPRESS:
                requirePowerOfTwo(type, chunkSize, 12, 16);
                return new XpressDecompressor();
            case LZX:
                return new LzxDecompressor(chunkSize);
            case LZMS:
                requirePowerOfTwo(type, chunkSize, 15, 30);
                return new LzmsDecompressor(chunkSize);
            default:
                throw new IllegalArgumentException("unsupported compression type " + type);
        }
    }

    /**
     * Creates a decoder of LZX as MS-CAB folders hold it: frames of 32768 bytes (the last may be
     * shorter), one per CFDATA block, over a window of {@code 2^windowOrder} bytes that slides
     * across the whole folder; the stream header says whether and with what size E8 calls are
     * translated. One instance per folder, frames in order.
     *
     * @param windowOrder the folder's window order (bits 8-12 of its compression type), 15 to 21
     * @throws IllegalArgumentException if {@code windowOrder} is out of range
     */
    public static FrameDecompressor lzxFrames(int windowOrder) {
        return new LzxFrameDecompressor(windowOrder);
    }

    private static void requirePowerOfTwo(CompressionType type, int chunkSize, int minOrder, int maxOrder) {
        if (chunkSize < (1 << minOrder) || chunkSize > (1 << maxOrder) || Integer.bitCount(chunkSize) != 1) {
            throw badSize(type, chunkSize);
        }
    }

    private static IllegalArgumentException badSize(CompressionType type, int chunkSize) {
        return new IllegalArgumentException("unsupported " + type + " chunk size " + chunkSize);
    }

    /** The "decompressor" of uncompressed chunks: the input must be exactly the output. */
    static final class CopyDecompressor implements ChunkDecompressor {
        @Override
        public void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
                throws CorruptChunkException {
            Objects.checkFromIndexSize(srcOff, srcLen, src.length);
            Objects.checkFromIndexSize(dstOff, dstLen, dst.length);
            if (srcLen != dstLen) {
                throw new CorruptChunkException("NONE: stored chunk has " + srcLen
                        + " bytes but " + dstLen + " are expected (input byte 0, output byte 0)");
            }
            System.arraycopy(src, srcOff, dst, dstOff, dstLen);
        }
    }
}
