package org.fenestra.compress;

/**
 * Compresses a stream frame by frame, each frame into its own piece of output that a
 * {@link FrameDecompressor} decodes in the same order. Not thread-safe; one instance per stream.
 *
 * @since 0.1
 */
public interface FrameCompressor {

    /**
     * Compresses the next frame.
     *
     * @return the compressed size (always positive: a frame that does not shrink is stored in
     *         the codec's own uncompressed form)
     * @throws IllegalArgumentException if {@code srcLen} is not a valid frame size or
     *         {@code dstCapacity} is too small for the worst case ({@link #maxCompressedSize})
     */
    int compressFrame(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity);

    /** The most a frame of {@code frameSize} bytes can take compressed. */
    int maxCompressedSize(int frameSize);
}
