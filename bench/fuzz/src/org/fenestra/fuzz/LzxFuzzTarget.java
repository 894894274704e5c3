package org.fenestra.fuzz;

import org.fenestra.compress.CompressionType;

/**
 * Jazzer target: LZX chunk decompression on hostile input, chunk sizes 2^15 to 2^21
 * (see {@link ChunkInput} for the input layout).
 */
public final class LzxFuzzTarget {
    private static final DecoderHarness HARNESS = new DecoderHarness(CompressionType.LZX, 15, 21);

    private LzxFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        HARNESS.run(data);
    }
}
