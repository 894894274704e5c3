package org.fenestra.compress.huffman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Code lengths from frequencies: optimal, complete, limited, with wimlib's tie-breaking. */
class CodeLengthBuilderTest {

    private final CodeLengthBuilder b = new CodeLengthBuilder();

    @Test
    void knownCodes() {
        byte[] lens = new byte[4];
        b.build(new int[] {1, 1, 1, 1}, 4, 15, lens);
        assertArrayEquals(new byte[] {2, 2, 2, 2}, lens);
        lens = new byte[5];
        b.build(new int[] {1, 1, 2, 4, 8}, 5, 15, lens);
        assertArrayEquals(new byte[] {4, 4, 3, 2, 1}, lens);
        // Ties: leaves are preferred over the internal node (freq 2 node vs leaf of freq 2),
        // and among equal frequencies the smaller symbols go deeper... i.e. come first.
        lens = new byte[3];
        b.build(new int[] {1, 1, 2}, 3, 15, lens);
        assertArrayEquals(new byte[] {2, 2, 1}, lens);
        lens = new byte[2];
        b.build(new int[] {0, 5}, 2, 15, lens);
        assertArrayEquals(new byte[] {1, 1}, lens);
    }

    @Test
    void allEqualFrequenciesGiveBalancedCode() {
        byte[] lens = new byte[256];
        int[] f = new int[256];
        java.util.Arrays.fill(f, 1);
        b.build(f, 256, 15, lens);
        for (byte l : lens) {
            assertEquals(8, l);
        }
    }

    @Test
    void lengthsAreLimitedAndComplete() {
        Random rnd = new Random(3);
        for (int round = 0; round < 300; round++) {
            int n = 2 + rnd.nextInt(798);
            int[] f = new int[n];
            for (int i = 0; i < n; i++) {
                f[i] = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(1 << rnd.nextInt(21)) : rnd.nextInt(4));
            }
            byte[] lens = new byte[n];
            b.build(f, n, 15, lens);
            long kraft = 0;
            for (byte l : lens) {
                assertTrue(l >= 1 && l <= 15, "length " + l);
                kraft += 1L << (15 - l);
            }
            assertEquals(1L << 15, kraft, "code must be complete");
        }
    }
}
