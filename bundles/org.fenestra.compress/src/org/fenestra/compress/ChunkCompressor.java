package org.fenestra.compress;

/**
 * Compresses one chunk independently of all others. Instances keep reusable buffers and
 * match-finder tables and are not thread-safe: use one per thread.
 *
 * @since 0.1
 */
public interface ChunkCompressor {

    /**
     * Compresses {@code srcLen} bytes at {@code src[srcOff]} into {@code dst[dstOff..]},
     * writing at most {@code dstCapacity} bytes.
     *
     * <p>Returns the compressed size, which is always less than {@code srcLen}, or 0 when
     * compression does not pay: the result would not be smaller than the input, would not
     * fit in {@code dstCapacity}, or the input is too short to bother (then the caller
     * stores the chunk raw, as a WIM does when a chunk's stored size equals its
     * uncompressed size). On 0 the contents of {@code dst[dstOff .. dstOff + dstCapacity)}
     * are unspecified; nothing outside that range is ever written, and {@code src} is
     * never modified.
     *
     * <p>Never throws on any input content; throws only on invalid arguments (ranges out
     * of the arrays' bounds, or {@code srcLen} above the chunk size the instance was
     * created for).
     *
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalArgumentException  if {@code srcLen} exceeds the chunk size
     */
    int compress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity);
}
