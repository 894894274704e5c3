package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.fenestra.compress.codecs.Compressors;
import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LZX in CAB framing: frames compressed one by one decode back, in every window and with E8
 * translation on and off (cabextract checks the same streams inside cabinets in the cab tests);
 * damaged frames give a {@link CorruptChunkException} and nothing else.
 */
class LzxFramesTest {

    /** Text, x86-like bytes with E8 calls, random bytes (stored as uncompressed blocks), a short odd tail. */
    private static byte[] stream(long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[5 * 32768 + 4321];
        for (int i = 0; i < b.length; i++) {
            int region = i / 40000;
            b[i] = switch (region) {
                case 0 -> (byte) ("servicing stack update ".charAt(r.nextInt(23)));
                case 1 -> (byte) (r.nextInt(8) == 0 ? 0xE8 : 0x40 + r.nextInt(32));
                case 2 -> (byte) r.nextInt(256);
                default -> (byte) ('a' + r.nextInt(3));
            };
        }
        return b;
    }

    private static byte[][] compress(byte[] data, int order, int e8, int level) {
        FrameCompressor c = Compressors.lzxFrames(order, level, e8);
        byte[][] frames = new byte[(data.length + 32767) / 32768][];
        byte[] out = new byte[c.maxCompressedSize(32768)];
        for (int f = 0; f < frames.length; f++) {
            int n = Math.min(32768, data.length - f * 32768);
            frames[f] = Arrays.copyOf(out, c.compressFrame(data, f * 32768, n, out, 0, out.length));
        }
        return frames;
    }

    @ParameterizedTest(name = "window 2^{0}, E8 {1}, level {2}")
    @CsvSource({"15,0,50", "15,12000000,10", "16,12000000,50", "18,0,20", "20,12000000,50", "21,100000,50"})
    void framesDecodeBack(int order, int e8, int level) throws Exception {
        byte[] data = stream(order * 31L + e8);
        byte[][] frames = compress(data, order, e8, level);
        FrameDecompressor d = Decompressors.lzxFrames(order);
        byte[] back = new byte[data.length];
        for (int f = 0; f < frames.length; f++) {
            int n = Math.min(32768, data.length - f * 32768);
            d.decompressFrame(frames[f], 0, frames[f].length, back, f * 32768, n);
        }
        assertArrayEquals(data, back);
    }

    @Test
    void damagedFramesFailCleanly() {
        byte[] data = stream(3);
        byte[][] frames = compress(data, 17, 12_000_000, 50);
        Random r = new Random(11);
        int corrupt = 0;
        for (int round = 0; round < 300; round++) {
            FrameDecompressor d = Decompressors.lzxFrames(17);
            byte[] out = new byte[32768 + 64];
            try {
                for (int f = 0; f < frames.length; f++) {
                    byte[] in = frames[f].clone();
                    if (f == round % frames.length) {
                        for (int k = 0; k < 1 + r.nextInt(8); k++) {
                            in[r.nextInt(in.length)] ^= (byte) (1 << r.nextInt(8));
                        }
                        if (r.nextInt(4) == 0) {
                            in = Arrays.copyOf(in, r.nextInt(in.length));
                        }
                    }
                    Arrays.fill(out, (byte) 0x3C);
                    int n = Math.min(32768, data.length - f * 32768);
                    d.decompressFrame(in, 0, in.length, out, 32, n);
                    for (int i = 0; i < 32; i++) {
                        assertTrue(out[i] == 0x3C && out[32 + n + i] == 0x3C, "wrote outside the frame");
                    }
                }
            } catch (CorruptChunkException e) {
                corrupt++;
                assertTrue(e.getMessage().startsWith("LZX: ") && e.getMessage().contains("frame "), e.getMessage());
            }
        }
        assertTrue(corrupt > 50, "most damaged streams are found corrupt: " + corrupt);
    }

    @Test
    void framesOutOfRangeAreRefused() throws Exception {
        FrameDecompressor d = Decompressors.lzxFrames(15);
        assertThrows(IllegalArgumentException.class, () -> d.decompressFrame(new byte[10], 0, 10, new byte[40000], 0, 32769));
        assertThrows(IllegalArgumentException.class, () -> Decompressors.lzxFrames(22));
        byte[][] frames = compress(Arrays.copyOf(stream(1), 1000), 15, 0, 50);
        d.decompressFrame(frames[0], 0, frames[0].length, new byte[1000], 0, 1000);
        // After a short (last) frame nothing may follow.
        assertThrows(CorruptChunkException.class, () -> d.decompressFrame(frames[0], 0, frames[0].length, new byte[1000], 0, 1000));
    }
}
