package org.fenestra.compress.lzms;

import java.util.Arrays;

import org.fenestra.compress.huffman.CodeLengthBuilder;
import org.fenestra.compress.huffman.DecodeTable;

/**
 * One of LZMS's adaptive Huffman codes. It starts with every symbol at frequency 1; each
 * decoded symbol's frequency is incremented, and after every {@code rebuildPeriod} symbols the
 * code is rebuilt from the frequencies (see {@link CodeLengthBuilder}, lengths limited to 15)
 * and then every frequency becomes {@code (f >>> 1) + 1}.
 */
final class AdaptiveHuffmanCode {

    static final int MAX_LEN = 15;

    final int[] table;
    final int tableBits;
    private final AdaptiveFrequencies frequencies;
    private final byte[] lens;
    private final int[] work;
    private final CodeLengthBuilder lengthBuilder;

    AdaptiveHuffmanCode(int maxSyms, int tableBits, int tableSize, int rebuildPeriod, CodeLengthBuilder lengthBuilder,
            int[] work) {
        this.tableBits = tableBits;
        this.table = new int[tableSize];
        this.frequencies = new AdaptiveFrequencies(maxSyms, rebuildPeriod);
        this.lens = new byte[Math.max(maxSyms, 2)];
        this.lengthBuilder = lengthBuilder;
        this.work = work;
    }

    /** Starts over with {@code numSyms} symbols, all of frequency 1. */
    void reset(int numSyms) {
        frequencies.reset(numSyms);
        rebuild();
    }

    /** Counts a decoded symbol, rebuilding the code when its period is over. */
    void count(int sym) {
        if (frequencies.count(sym)) {
            rebuild();
            frequencies.dilute();
        }
    }

    private void rebuild() {
        int numSyms = frequencies.numSyms();
        if (numSyms < 2) {
            // Degenerate alphabet (chunks of at most 2 bytes): a 1-bit code whose second
            // symbol does not exist; decoding it yields an offset that fails validation.
            Arrays.fill(table, 0, 1 << tableBits, 0);
            lens[0] = 1;
            lens[1] = 1;
            DecodeTable.build(table, 2, tableBits, lens, 0, MAX_LEN, work);
            return;
        }
        lengthBuilder.build(frequencies.freqs, numSyms, MAX_LEN, lens);
        if (!DecodeTable.build(table, numSyms, tableBits, lens, 0, MAX_LEN, work)) {
            // Cannot happen: the builder always yields a complete code.
            throw new IllegalStateException("LZMS: internal error building a Huffman code");
        }
    }
}
