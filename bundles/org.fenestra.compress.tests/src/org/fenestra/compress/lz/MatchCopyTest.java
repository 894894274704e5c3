package org.fenestra.compress.lz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Match copies equal a byte-at-a-time copy for every overlap, and respect the limit. */
class MatchCopyTest {

    @Test
    void agreesWithBytewiseCopy() {
        Random rnd = new Random(1);
        for (int round = 0; round < 20000; round++) {
            int size = 1 + rnd.nextInt(400);
            byte[] a = new byte[size + 20];
            rnd.nextBytes(a);
            int pos = 1 + rnd.nextInt(size - 0 > 1 ? size - 1 : 1);
            if (pos >= size) {
                continue;
            }
            int offset = 1 + rnd.nextInt(pos);
            int length = 1 + rnd.nextInt(size - pos);
            byte[] expect = a.clone();
            for (int i = 0; i < length; i++) {
                expect[pos + i] = expect[pos + i - offset];
            }
            byte[] got = a.clone();
            MatchCopy.copy(got, pos, offset, length, size);
            // Bytes in [pos + length, size) may be scratch; compare the rest.
            for (int i = pos + length; i < size; i++) {
                got[i] = expect[i];
            }
            assertArrayEquals(expect, got, "pos " + pos + " offset " + offset + " length " + length);
        }
    }
}
