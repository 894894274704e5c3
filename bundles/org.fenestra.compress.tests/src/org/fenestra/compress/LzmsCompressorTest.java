package org.fenestra.compress;

import static org.fenestra.compress.CompressorRoundTripTest.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.fenestra.compress.codecs.Compressors;
import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LZMS compressor's output decodes with {@code LzmsDecompressor} to the exact input for
 * chunk sizes from 32 KiB to 64 MiB, every level band and all kinds of data (text, real
 * shared libraries, x86-like code with E8 calls, zeros, patterns, random); incompressible
 * and tiny chunks are stored raw; and the ratio stays near wimlib's on the same data.
 */
class LzmsCompressorTest {

    static byte[] corpus;
    static byte[] x86;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void load() throws IOException {
        corpus = TestCorpus.mixed(3_000_000, 11);
        if (CompressorRoundTripTest.corpus == null) {
            CompressorRoundTripTest.load(); // its samples() draw on its corpus
        }
        x86 = TestCorpus.synthetic(1_000_000, 5);
    }

    @ParameterizedTest(name = "chunk {0} level {1}")
    @CsvSource({
        "32768, 1", "32768, 20", "32768, 50", "32768, 100",
        "65536, 35", "65536, 60", "131072, 50", "1048576, 10", "1048576, 50", "1048576, 80",
        "4194304, 50", "67108864, 50", "67108864, 1",
    })
    void roundTrips(int chunkSize, int level) throws Exception {
        ChunkCompressor c = Compressors.create(CompressionType.LZMS, chunkSize, level);
        ChunkDecompressor d = Decompressors.create(CompressionType.LZMS, chunkSize);
        int sampleSize = Math.min(chunkSize, 1 << 20);
        int compressed = 0;
        for (byte[] data : CompressorRoundTripTest.samples(sampleSize)) {
            compressed += roundTrip(c, d, data, "level " + level) ? 1 : 0;
        }
        for (byte[] data : new byte[][] {x86, corpus}) {
            for (int off = 0; off < data.length; off += chunkSize) {
                int n = Math.min(chunkSize, data.length - off);
                compressed += roundTrip(c, d, Arrays.copyOfRange(data, off, off + n), "corpus@" + off) ? 1 : 0;
                if (off > 600_000) {
                    break;
                }
            }
        }
        assertTrue(compressed >= 5, "too few chunks compressed: " + compressed);
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({"10", "50", "100"})
    void shortAndEdgeInputs(int level) throws Exception {
        ChunkCompressor c = Compressors.create(CompressionType.LZMS, 32768, level);
        ChunkDecompressor d = Decompressors.create(CompressionType.LZMS, 32768);
        Random rnd = new Random(3);
        for (int len = 0; len <= 300; len += len < 20 ? 1 : 37) {
            byte[] a = new byte[len];
            byte[] b = new byte[len];
            rnd.nextBytes(b);
            byte[] t = Arrays.copyOf("abcabcabcabcabcabcabcabc hello hello hello ".repeat(10).getBytes(), len);
            for (byte[] data : new byte[][] {a, b, t}) {
                roundTrip(c, d, data, "len " + len);
            }
        }
        for (int len = 0; len <= 16; len++) {
            assertEquals(0, c.compress(new byte[len], 0, len, new byte[100], 0, 100), "tiny input " + len);
        }
        byte[] full = new byte[32768];
        Arrays.fill(full, (byte) 'x');
        assertTrue(roundTrip(c, d, full, "full run"));
        full[32767] = 'y';
        full[16384] = (byte) 0xE8;
        assertTrue(roundTrip(c, d, full, "full run with changes"));
    }

    @Test
    void incompressibleDataIsStoredRaw() {
        for (int level : new int[] {10, 50, 100}) {
            ChunkCompressor c = Compressors.create(CompressionType.LZMS, 1 << 20, level);
            byte[] data = new byte[1 << 20];
            new Random(9).nextBytes(data);
            assertEquals(0, c.compress(data, 0, data.length, new byte[data.length], 0, data.length));
            assertEquals(0, c.compress(data, 100, 30000, new byte[40000], 0, 40000));
        }
    }

    @Test
    void smallCapacityNeverOverflows() throws Exception {
        byte[] data = Arrays.copyOf(corpus, 65536);
        ChunkCompressor c = Compressors.create(CompressionType.LZMS, 65536, 50);
        ChunkDecompressor d = Decompressors.create(CompressionType.LZMS, 65536);
        int full = c.compress(data, 0, data.length, new byte[65536], 0, 65536);
        assertTrue(full > 0);
        for (int cap : new int[] {0, 1, 2, 7, 100, 256, 300, full / 2, full - 2, full - 1, full, full + 1}) {
            byte[] dst = new byte[cap + 100];
            Arrays.fill(dst, (byte) 0x77);
            int n = c.compress(data, 0, data.length, dst, 50, cap);
            assertTrue(n == 0 || n <= cap, "cap " + cap + " gave " + n);
            for (int i = 0; i < 50; i++) {
                assertEquals((byte) 0x77, dst[i]);
            }
            for (int i = 50 + cap; i < dst.length; i++) {
                assertEquals((byte) 0x77, dst[i], "cap " + cap + ": wrote at " + (i - 50));
            }
            if (cap >= full) {
                assertEquals(full, n, "deterministic size with enough room");
            }
            if (n > 0) {
                byte[] back = new byte[data.length];
                d.decompress(dst, 50, n, back, 0, data.length);
                assertArrayEquals(data, back);
            }
        }
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    @Test
    void randomGarbageNeverThrows() throws Exception {
        Random rnd = new Random(77);
        ChunkCompressor[] cs = {Compressors.create(CompressionType.LZMS, 65536, 20),
            Compressors.create(CompressionType.LZMS, 65536, 50), Compressors.create(CompressionType.LZMS, 65536, 100)};
        ChunkDecompressor d = Decompressors.create(CompressionType.LZMS, 65536);
        for (int round = 0; round < 40; round++) {
            int len = rnd.nextInt(65537);
            byte[] data = new byte[len];
            int alphabet = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 256);
            for (int i = 0; i < len; i++) {
                data[i] = (byte) (rnd.nextInt(10) == 0 ? 0xE8 : rnd.nextInt(alphabet));
            }
            for (int k = 0; k < cs.length; k++) {
                roundTrip(cs[k], d, data, "round " + round + " level " + k);
            }
        }
    }

    @Test
    void factoryAcceptsTheDecodersChunkSizesOnly() {
        for (int order = 15; order <= 30; order++) {
            assertNotNull(Compressors.create(CompressionType.LZMS, 1 << order, 50));
        }
        for (int size : new int[] {16384, 40000, 1 << 31 >>> 1 | 1, 0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> Compressors.create(CompressionType.LZMS, size, 50));
        }
        ChunkCompressor c = Compressors.create(CompressionType.LZMS, 32768, 50);
        assertThrows(IllegalArgumentException.class, () -> c.compress(new byte[40000], 0, 40000, new byte[50000], 0, 50000));
        assertThrows(IndexOutOfBoundsException.class, () -> c.compress(new byte[100], 50, 60, new byte[200], 0, 200));
        assertThrows(IndexOutOfBoundsException.class, () -> c.compress(new byte[100], 0, 100, new byte[200], 150, 60));
    }

    /**
     * Our size against wimlib's for the same 3 MB in 1 MiB LZMS chunks (reported; a loose
     * bound catches a broken parser, not a few percent).
     */
    @Test
    void sizeComparedWithWimlib() throws Exception {
        Assumptions.assumeTrue(Wimlib.available(), "wimlib-imagex is not installed");
        int chunkSize = 1 << 20;
        Path dir = Files.createDirectories(tmp.resolve("size"));
        Files.write(dir.resolve("data.bin"), corpus);
        Path wim = tmp.resolve("size.wim");
        Wimlib.capture(dir, wim, "--compress=LZMS", "--chunk-size=" + chunkSize);
        long theirs = Wimlib.blobs(wim).stream().filter(b -> b.usize() == corpus.length).findFirst().orElseThrow()
                .csize();
        ChunkCompressor c = Compressors.create(CompressionType.LZMS, chunkSize, Compressors.DEFAULT_LEVEL);
        byte[] dst = new byte[chunkSize];
        long ours = 4L * ((corpus.length + chunkSize - 1) / chunkSize - 1); // the chunk table, as wimlib's
        for (int off = 0; off < corpus.length; off += chunkSize) {
            int n = Math.min(chunkSize, corpus.length - off);
            int size = c.compress(corpus, off, n, dst, 0, n);
            ours += size == 0 ? n : size;
        }
        System.out.printf("LZMS 1 MiB chunks, level 50: ours %d bytes, wimlib %d bytes (%.3fx)%n", ours, theirs,
                ours / (double) theirs);
        assertTrue(ours < theirs * 1.15, "ours " + ours + " vs wimlib " + theirs);
    }
}
