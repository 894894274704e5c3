package org.fenestra.compress.lz;

import java.util.Objects;

/** Argument checks every {@code ChunkCompressor} makes before touching the buffers. */
public final class ChunkArguments {

    private ChunkArguments() {
    }

    /** Bounds of both ranges, and a chunk no larger than the compressor was made for. */
    public static void checkCompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstCapacity,
            int chunkSize) {
        Objects.checkFromIndexSize(srcOff, srcLen, src.length);
        Objects.checkFromIndexSize(dstOff, dstCapacity, dst.length);
        if (srcLen > chunkSize) {
            throw new IllegalArgumentException("chunk of " + srcLen + " bytes exceeds " + chunkSize);
        }
    }
}
