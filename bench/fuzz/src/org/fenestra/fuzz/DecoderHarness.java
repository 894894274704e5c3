package org.fenestra.fuzz;

import java.util.Arrays;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.compress.codecs.Decompressors;

/**
 * Runs one fuzz input through a chunk decompressor and checks, besides "only
 * CorruptChunkException": the decoder writes nowhere outside {@code dst[dstOff, dstOff+dstLen)}
 * and a reused instance (as the WIM reader reuses them per thread) gives the same answer
 * twice, so no state leaks from one chunk into the next.
 */
final class DecoderHarness {
    private static final byte GUARD = (byte) 0xA5;
    private static final int TAIL_GUARD = 16;

    private final CompressionType type;
    private final int minOrder;
    private final int maxOrder;

    DecoderHarness(CompressionType type, int minOrder, int maxOrder) {
        this.type = type;
        this.minOrder = minOrder;
        this.maxOrder = maxOrder;
    }

    void run(byte[] data) {
        ChunkInput in = ChunkInput.parse(data, minOrder, maxOrder);
        if (in == null) {
            return;
        }
        byte[] src = new byte[in.srcOff() + in.compressed().length];
        System.arraycopy(in.compressed(), 0, src, in.srcOff(), in.compressed().length);
        ChunkDecompressor d = Decompressors.create(type, in.chunkSize());
        byte[] first = decodeOnce(d, in, src);
        byte[] second = decodeOnce(d, in, src);
        if (!Arrays.equals(first, second)) {
            throw new ContractViolation(type + ": a reused decompressor gave a different result the second time ("
                    + describe(first) + " vs " + describe(second) + "), chunk size " + in.chunkSize() + ", dstLen "
                    + in.dstLen());
        }
    }

    /** The output, or null when the chunk was rejected as corrupt. */
    private byte[] decodeOnce(ChunkDecompressor d, ChunkInput in, byte[] src) {
        byte[] dst = new byte[in.dstOff() + in.dstLen() + TAIL_GUARD];
        Arrays.fill(dst, GUARD);
        byte[] result;
        try {
            d.decompress(src, in.srcOff(), in.compressed().length, dst, in.dstOff(), in.dstLen());
            result = Arrays.copyOfRange(dst, in.dstOff(), in.dstOff() + in.dstLen());
        } catch (CorruptChunkException expected) {
            result = null;
        }
        checkGuards(dst, in);
        return result;
    }

    private void checkGuards(byte[] dst, ChunkInput in) {
        int end = in.dstOff() + in.dstLen();
        for (int i = 0; i < dst.length; i++) {
            if ((i < in.dstOff() || i >= end) && dst[i] != GUARD) {
                throw new ContractViolation(type + ": wrote dst[" + i + "] outside its output range [" + in.dstOff()
                        + ", " + end + "), chunk size " + in.chunkSize());
            }
        }
    }

    private static String describe(byte[] result) {
        return result == null ? "corrupt" : result.length + " bytes";
    }
}
