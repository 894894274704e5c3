package org.fenestra.fuzz;

import org.fenestra.compress.CompressionType;

/**
 * Jazzer target: XPRESS chunk decompression on hostile input, chunk sizes 2^12 to 2^16
 * (see {@link ChunkInput} for the input layout).
 */
public final class XpressFuzzTarget {
    private static final DecoderHarness HARNESS = new DecoderHarness(CompressionType.XPRESS, 12, 16);

    private XpressFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        HARNESS.run(data);
    }
}
