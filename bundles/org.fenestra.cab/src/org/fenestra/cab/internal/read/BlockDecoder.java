package org.fenestra.cab.internal.read;

import java.io.IOException;

/**
 * Decodes a folder's CFDATA blocks in order; the state a method carries from block to block
 * (MSZIP's 32 KiB history, LZX's window, codes and recent offsets) lives in the instance.
 */
interface BlockDecoder extends AutoCloseable {

    /**
     * Decodes {@code src[0..srcLen)} into exactly {@code dstLen} bytes at {@code dst[0]}.
     *
     * @return null when it worked, else why not (the caller words the error with the file and offset)
     */
    String decode(byte[] src, int srcLen, byte[] dst, int dstLen) throws IOException;

    /** Frees native or large resources. */
    @Override
    default void close() {
    }
}
