package org.fenestra.compress;

/**
 * Decompresses one independently compressed chunk. Instances keep reusable tables and
 * are not thread-safe: use one per thread.
 *
 * @since 0.1
 */
public interface ChunkDecompressor {

    /**
     * Decompresses {@code srcLen} bytes at {@code src[srcOff]} into exactly {@code dstLen}
     * bytes at {@code dst[dstOff]}.
     *
     * @throws CorruptChunkException if the input is malformed or does not produce exactly
     *         {@code dstLen} bytes; never an unchecked exception for bad input
     */
    void decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException;
}
