package org.fenestra.compress;

/**
 * Decompresses a stream cut into frames decoded in order, each from its own piece of input,
 * with the codec's state (window, codes, recent offsets) carried from frame to frame: LZX as
 * MS-CAB folders hold it, one frame per data block. Not thread-safe; one instance per stream.
 *
 * @since 0.1
 */
public interface FrameDecompressor {

    /**
     * Decodes the next frame: {@code srcLen} bytes at {@code src[srcOff]} into exactly
     * {@code dstLen} bytes at {@code dst[dstOff]}.
     *
     * @throws CorruptChunkException if the input is malformed or does not give exactly
     *         {@code dstLen} bytes; after that the instance is not usable further
     * @throws IllegalArgumentException if {@code dstLen} is not a valid frame size
     */
    void decompressFrame(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen)
            throws CorruptChunkException;
}
