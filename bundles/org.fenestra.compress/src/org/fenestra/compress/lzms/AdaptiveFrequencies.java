package org.fenestra.compress.lzms;

import java.util.Arrays;

/**
 * The symbol frequencies behind an LZMS adaptive Huffman code, kept the same way by the
 * decoder ({@link AdaptiveHuffmanCode}) and the encoder ({@link AdaptiveHuffmanEncoder}) so both
 * rebuild the same code at the same symbol: every symbol starts at frequency 1, each coded
 * symbol adds 1, and after every {@code rebuildPeriod} symbols the code is rebuilt from the
 * frequencies, which then become {@code (f >>> 1) + 1}.
 */
final class AdaptiveFrequencies {

    final int[] freqs;
    private final int rebuildPeriod;
    private int numSyms;
    private int untilRebuild;

    AdaptiveFrequencies(int maxSyms, int rebuildPeriod) {
        this.freqs = new int[Math.max(maxSyms, 2)];
        this.rebuildPeriod = rebuildPeriod;
    }

    /** Starts over with {@code numSyms} symbols, all of frequency 1; the caller builds the first code. */
    void reset(int numSyms) {
        this.numSyms = numSyms;
        Arrays.fill(freqs, 1);
        untilRebuild = rebuildPeriod;
    }

    int numSyms() {
        return numSyms;
    }

    /**
     * Counts {@code sym}. When this returns true the period is over: the caller rebuilds its code
     * from {@link #freqs}, then calls {@link #dilute()}.
     */
    boolean count(int sym) {
        freqs[sym]++;
        return --untilRebuild == 0;
    }

    /** Halves every frequency (keeping it at least 1) and starts the next period. */
    void dilute() {
        for (int s = 0; s < numSyms; s++) {
            freqs[s] = (freqs[s] >>> 1) + 1;
        }
        untilRebuild = rebuildPeriod;
    }
}
