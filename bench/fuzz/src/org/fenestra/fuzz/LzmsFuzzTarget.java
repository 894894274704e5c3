package org.fenestra.fuzz;

import org.fenestra.compress.CompressionType;

/**
 * Jazzer target: LZMS chunk decompression on hostile input, chunk sizes 2^15 to 2^18
 * (see {@link ChunkInput} for the input layout). LZMS allows up to 2^30, but the
 * decoder sizes its offset alphabets from the chunk's actual length, and a short input asking
 * for megabytes is decoded to the end (8x slower fuzzing at 2^21 for no new code).
 */
public final class LzmsFuzzTarget {
    private static final DecoderHarness HARNESS = new DecoderHarness(CompressionType.LZMS, 15, 18);

    private LzmsFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        HARNESS.run(data);
    }
}
