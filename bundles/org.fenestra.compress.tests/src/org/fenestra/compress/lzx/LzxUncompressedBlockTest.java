package org.fenestra.compress.lzx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;

import org.fenestra.compress.CorruptChunkException;
import org.junit.jupiter.api.Test;

/**
 * Hand-made LZX chunks with uncompressed blocks (wimlib never writes them): header bits,
 * realignment, R0-R2, odd-size padding, and the E8 post-processing.
 */
class LzxUncompressedBlockTest {

    /** Block header for a 64 KiB window: type 3, explicit 24-bit size; 28 bits in 2 units. */
    private static void header(ByteArrayOutputStream out, int size) {
        int bits = 3 << 29 | 0 << 28 | size << 4; // 3 + 1 + 24 bits, left-justified in 32
        out.write(bits >>> 16 & 0xFF); // unit 1, little-endian
        out.write(bits >>> 24);
        out.write(bits & 0xFF); // unit 2
        out.write(bits >>> 8 & 0xFF);
        for (int r = 1; r <= 3; r++) { // R0..R2
            out.write(r);
            out.write(0);
            out.write(0);
            out.write(0);
        }
    }

    @Test
    void twoUncompressedBlocksWithPaddingAndE8() throws Exception {
        byte[] first = new byte[15]; // odd: one padding byte follows
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) ('a' + i);
        }
        first[2] = (byte) 0xE8; // absolute 0x10 at position 2 -> relative 0x10 - 2
        first[3] = 0x10;
        first[4] = 0;
        first[5] = 0;
        first[6] = 0;
        byte[] second = new byte[20];
        second[0] = (byte) 0xE8; // position 15: absolute -3 (>= -15) -> -3 + 12000000
        second[1] = (byte) 0xFD;
        second[2] = (byte) 0xFF;
        second[3] = (byte) 0xFF;
        second[4] = (byte) 0xFF;
        second[12] = (byte) 0xE8; // position 27 is in the last 10 bytes: untouched
        second[13] = 0x44;
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        header(chunk, first.length);
        chunk.write(first);
        chunk.write(0); // padding
        header(chunk, second.length);
        chunk.write(second);
        byte[] src = chunk.toByteArray();

        byte[] expect = new byte[35];
        System.arraycopy(first, 0, expect, 0, 15);
        System.arraycopy(second, 0, expect, 15, 20);
        expect[3] = 0x0E;
        int rel = -3 + 12_000_000;
        for (int k = 0; k < 4; k++) {
            expect[16 + k] = (byte) (rel >>> (8 * k));
        }

        byte[] dst = new byte[35];
        new LzxDecompressor(65536).decompress(src, 0, src.length, dst, 0, dst.length);
        assertArrayEquals(expect, dst);

        byte[] truncated = java.util.Arrays.copyOf(src, src.length - 1);
        assertThrows(CorruptChunkException.class,
                () -> new LzxDecompressor(65536).decompress(truncated, 0, truncated.length, new byte[35], 0, 35));
        byte[] zeroR = src.clone();
        zeroR[4] = 0; // R0 = 0 is invalid
        assertThrows(CorruptChunkException.class,
                () -> new LzxDecompressor(65536).decompress(zeroR, 0, zeroR.length, new byte[35], 0, 35));
    }
}
