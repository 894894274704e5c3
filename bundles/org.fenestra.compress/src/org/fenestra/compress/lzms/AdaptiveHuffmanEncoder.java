package org.fenestra.compress.lzms;

import org.fenestra.compress.huffman.CanonicalCode;
import org.fenestra.compress.huffman.CodeLengthBuilder;

/**
 * Encoder side of an {@link AdaptiveHuffmanCode}: the same frequencies, rebuild period and
 * dilution, so both sides always hold the same code; here the canonical codewords are kept
 * for writing and the lengths serve the parser as costs.
 */
final class AdaptiveHuffmanEncoder {

    final byte[] lens;
    private final int[] codewords;
    private final AdaptiveFrequencies frequencies;
    private final CodeLengthBuilder lengthBuilder;
    /** Incremented at every rebuild, so cost tables derived from {@link #lens} know when to refresh. */
    int version;

    AdaptiveHuffmanEncoder(int maxSyms, int rebuildPeriod, CodeLengthBuilder lengthBuilder) {
        int n = Math.max(maxSyms, 2);
        this.lens = new byte[n];
        this.codewords = new int[n];
        this.frequencies = new AdaptiveFrequencies(maxSyms, rebuildPeriod);
        this.lengthBuilder = lengthBuilder;
    }

    /** Starts over with {@code numSyms >= 2} symbols, all of frequency 1. */
    void reset(int numSyms) {
        frequencies.reset(numSyms);
        rebuild();
    }

    int numSyms() {
        return frequencies.numSyms();
    }

    /** Writes {@code sym}'s codeword and counts it, rebuilding the code when its period is over. */
    void encode(int sym, BackwardBitWriter out) {
        out.write(codewords[sym], lens[sym]);
        if (frequencies.count(sym)) {
            rebuild();
            frequencies.dilute();
        }
    }

    private void rebuild() {
        int numSyms = frequencies.numSyms();
        lengthBuilder.build(frequencies.freqs, numSyms, AdaptiveHuffmanCode.MAX_LEN, lens);
        CanonicalCode.assign(lens, numSyms, AdaptiveHuffmanCode.MAX_LEN, codewords);
        version++;
    }
}
