package org.fenestra.compress.huffman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Decode tables: validation like wimlib, and decoding agrees with the canonical code. */
class DecodeTableTest {

    private final int[] work = new int[DecodeTable.workSize(512, 16)];

    @Test
    void rejectsOverSubscribedAndIncompleteCodes() {
        int[] table = new int[64];
        assertFalse(DecodeTable.build(table, 3, 4, new byte[] {1, 1, 1}, 0, 15, work));
        assertFalse(DecodeTable.build(table, 3, 4, new byte[] {1, 2, 0}, 0, 15, work));
        assertFalse(DecodeTable.build(table, 2, 4, new byte[] {1, 16}, 0, 15, work)); // beyond maxLen
    }

    @Test
    void emptyCodeDecodesSymbolZeroWithoutConsumingBits() {
        int[] table = new int[64];
        java.util.Arrays.fill(table, -1);
        assertTrue(DecodeTable.build(table, 4, 5, new byte[4], 0, 15, work));
        for (int i = 0; i < 32; i++) {
            assertEquals(0, table[i]);
        }
    }

    @Test
    void decodesRandomCompleteCodesIncludingSubtables() {
        Random rnd = new Random(5);
        for (int round = 0; round < 200; round++) {
            int numSyms = 2 + rnd.nextInt(300);
            int[] freqs = new int[numSyms];
            for (int s = 0; s < numSyms; s++) {
                freqs[s] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 5000);
            }
            freqs[0] = Math.max(freqs[0], 1);
            freqs[1] = Math.max(freqs[1], 1);
            byte[] lens = new byte[Math.max(numSyms, 2)];
            new CodeLengthBuilder().build(freqs, numSyms, 15, lens);
            int tableBits = 5 + rnd.nextInt(6);
            int[] table = new int[(1 << tableBits) + (1 << 15)];
            assertTrue(DecodeTable.build(table, numSyms, tableBits, lens, 0, 15, work));
            // Canonical codewords, then decode each as a left-justified 16-bit window.
            int[] next = new int[17];
            int[] count = new int[17];
            for (int s = 0; s < numSyms; s++) {
                count[lens[s]]++;
            }
            count[0] = 0;
            for (int len = 1, code = 0; len <= 16; len++) {
                code = (code + count[len - 1]) << 1;
                next[len] = code;
            }
            for (int s = 0; s < numSyms; s++) {
                int len = lens[s];
                if (len == 0) {
                    continue;
                }
                int cw = next[len]++;
                int window = cw << (16 - len) | rnd.nextInt(1 << (16 - len)); // random trailing bits
                int entry = table[window >>> (16 - tableBits)];
                int used = 0;
                if (entry < 0) {
                    used = tableBits;
                    int sub = (window << tableBits & 0xFFFF) >>> (16 - DecodeTable.length(entry));
                    entry = table[DecodeTable.subtableStart(entry) + sub];
                }
                assertEquals(s, DecodeTable.symbol(entry), "symbol");
                assertEquals(len, used + DecodeTable.length(entry), "length");
            }
        }
    }
}
