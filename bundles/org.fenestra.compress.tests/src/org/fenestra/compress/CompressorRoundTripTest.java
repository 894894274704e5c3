package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.fenestra.compress.codecs.Compressors;
import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every compressor's output decodes with our decompressors to the exact input, for all
 * chunk sizes, parsers (levels) and kinds of data; incompressible and tiny inputs are
 * reported as "store raw" (0); output never goes past the given capacity.
 */
class CompressorRoundTripTest {

    static volatile byte[] corpus; // also loaded by LzmsCompressorTest, which may run at the same time

    @BeforeAll
    static synchronized void load() throws IOException {
        corpus = TestCorpus.mixed(3_000_000, 11);
    }

    /** Text, real binaries from /usr/lib, zeros, repeated patterns, random, the mixed corpus. */
    static List<byte[]> samples(int chunkSize) throws IOException {
        List<byte[]> list = new ArrayList<>();
        Random rnd = new Random(chunkSize);
        StringBuilder text = new StringBuilder();
        while (text.length() < chunkSize) {
            text.append("Fenestra writes WIM images; chunk ").append(rnd.nextInt(1000)).append(" of the resource.\n");
        }
        list.add(Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), chunkSize));
        list.add(new byte[chunkSize]);
        byte[] pattern = new byte[chunkSize];
        for (int i = 0; i < chunkSize; i++) {
            pattern[i] = (byte) (i % 251 * 7 + (i / 4096));
        }
        list.add(pattern);
        byte[] lib = libraryBytes(chunkSize * 2);
        list.add(Arrays.copyOfRange(lib, 0, chunkSize));
        list.add(Arrays.copyOfRange(lib, chunkSize / 2, chunkSize / 2 + chunkSize / 3)); // shorter than a chunk
        for (int off = 0; off + chunkSize <= corpus.length && list.size() < 12; off += corpus.length / 6) {
            list.add(Arrays.copyOfRange(corpus, off, off + chunkSize));
        }
        return list;
    }

    private static byte[] libraryBytes(int want) throws IOException {
        Path dir = Path.of("/usr/lib/x86_64-linux-gnu");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("/usr/lib");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p) && !Files.isSymbolicLink(p) && Files.size(p) >= want
                        && p.getFileName().toString().contains(".so")) {
                    return Arrays.copyOf(Files.readAllBytes(p), want);
                }
            }
        }
        return TestCorpus.mixed(want, 5);
    }

    @ParameterizedTest(name = "{0} chunk {1} level {2}")
    @CsvSource({
        "XPRESS, 4096, 1", "XPRESS, 4096, 50", "XPRESS, 4096, 100",
        "XPRESS, 32768, 10", "XPRESS, 32768, 50", "XPRESS, 32768, 80",
        "XPRESS, 65536, 29", "XPRESS, 65536, 50", "XPRESS, 65536, 100",
        "LZX, 32768, 1", "LZX, 32768, 20", "LZX, 32768, 50", "LZX, 32768, 100",
        "LZX, 65536, 34", "LZX, 65536, 50",
        "LZX, 131072, 50", "LZX, 1048576, 20", "LZX, 2097152, 50",
    })
    void roundTrips(CompressionType type, int chunkSize, int level) throws Exception {
        ChunkCompressor c = Compressors.create(type, chunkSize, level);
        ChunkDecompressor d = Decompressors.create(type, chunkSize);
        int compressed = 0;
        for (byte[] data : samples(chunkSize)) {
            compressed += roundTrip(c, d, data, type + " level " + level) ? 1 : 0;
        }
        // Whole corpus in consecutive chunks with one instance (buffers reused across chunks).
        for (int off = 0; off < corpus.length; off += chunkSize) {
            int n = Math.min(chunkSize, corpus.length - off);
            compressed += roundTrip(c, d, Arrays.copyOfRange(corpus, off, off + n), type + " corpus@" + off) ? 1 : 0;
            if (off > 4 * chunkSize && off > 600_000) {
                break;
            }
        }
        assertTrue(compressed >= 5, "too few chunks compressed: " + compressed);
    }

    /** Returns whether the data was compressed (not stored raw). */
    static boolean roundTrip(ChunkCompressor c, ChunkDecompressor d, byte[] data, String what) throws Exception {
        byte[] copy = data.clone();
        byte[] dst = new byte[data.length + 64];
        Arrays.fill(dst, (byte) 0x5A);
        int n = c.compress(data, 0, data.length, dst, 16, data.length);
        assertArrayEquals(copy, data, what + ": input modified");
        for (int i = 0; i < 16; i++) {
            assertEquals((byte) 0x5A, dst[i], what + ": wrote before dstOff");
        }
        if (n == 0) {
            return false;
        }
        assertTrue(n > 0 && n < data.length, what + ": size " + n + " of " + data.length);
        for (int i = 16 + n; i < dst.length; i++) {
            assertEquals((byte) 0x5A, dst[i], what + ": wrote past the returned size");
        }
        byte[] back = new byte[data.length];
        d.decompress(dst, 16, n, back, 0, data.length);
        assertArrayEquals(data, back, what + ": round trip differs");
        return true;
    }

    @ParameterizedTest(name = "{0} chunk {1} level {2}")
    @CsvSource({"XPRESS, 4096, 50", "XPRESS, 65536, 100", "LZX, 32768, 20", "LZX, 32768, 50", "LZX, 2097152, 100"})
    void shortAndEdgeInputs(CompressionType type, int chunkSize, int level) throws Exception {
        ChunkCompressor c = Compressors.create(type, chunkSize, level);
        ChunkDecompressor d = Decompressors.create(type, chunkSize);
        Random rnd = new Random(3);
        for (int len = 0; len <= 300; len += len < 20 ? 1 : 37) {
            byte[] a = new byte[len];
            byte[] b = new byte[len];
            rnd.nextBytes(b);
            byte[] t = Arrays.copyOf("abcabcabcabcabcabcabcabc hello hello hello ".repeat(10).getBytes(), len);
            for (byte[] data : new byte[][] {a, b, t}) {
                roundTrip(c, d, data, type + " len " + len);
            }
        }
        assertEquals(0, c.compress(new byte[0], 0, 0, new byte[10], 0, 10));
        for (int len = 0; len <= 16; len++) {
            assertEquals(0, c.compress(new byte[len], 0, len, new byte[100], 0, 100), "tiny input " + len);
        }
        // exactly the chunk size, all equal bytes and one long run then a change
        byte[] full = new byte[chunkSize];
        Arrays.fill(full, (byte) 'x');
        assertTrue(roundTrip(c, d, full, "full run"));
        full[chunkSize - 1] = 'y';
        full[chunkSize / 2] = (byte) 0xE8;
        assertTrue(roundTrip(c, d, full, "full run with changes"));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @CsvSource({"XPRESS, 10", "XPRESS, 50", "XPRESS, 100", "LZX, 20", "LZX, 50", "LZX, 100"})
    void incompressibleDataIsStoredRaw(CompressionType type, int level) {
        ChunkCompressor c = Compressors.create(type, 32768, level);
        byte[] data = new byte[32768];
        new Random(9).nextBytes(data);
        assertEquals(0, c.compress(data, 0, data.length, new byte[40000], 0, 40000));
        assertEquals(0, c.compress(data, 100, 30000, new byte[40000], 0, 40000));
    }

    @Test
    void smallCapacityNeverOverflows() throws Exception {
        byte[] data = Arrays.copyOf(corpus, 32768);
        for (CompressionType t : new CompressionType[] {CompressionType.XPRESS, CompressionType.LZX}) {
            for (int level : new int[] {10, 50, 100}) {
                ChunkCompressor c = Compressors.create(t, 32768, level);
                ChunkDecompressor d = Decompressors.create(t, 32768);
                int full = c.compress(data, 0, data.length, new byte[32768], 0, 32768);
                assertTrue(full > 0);
                for (int cap : new int[] {0, 1, 2, 7, 100, 256, 261, 300, full / 2, full - 2, full - 1, full, full + 1}) {
                    byte[] dst = new byte[cap + 100];
                    Arrays.fill(dst, (byte) 0x77);
                    int n = c.compress(data, 0, data.length, dst, 50, cap);
                    assertTrue(n == 0 || n <= cap, t + " cap " + cap + " gave " + n);
                    for (int i = 0; i < 50; i++) {
                        assertEquals((byte) 0x77, dst[i]);
                    }
                    for (int i = 50 + cap; i < dst.length; i++) {
                        assertEquals((byte) 0x77, dst[i], t + " level " + level + " cap " + cap + ": wrote at " + (i - 50));
                    }
                    if (cap >= full) {
                        assertEquals(full, n, t + " level " + level + ": deterministic size with enough room");
                    }
                    if (n > 0) {
                        byte[] back = new byte[data.length];
                        d.decompress(dst, 50, n, back, 0, data.length);
                        assertArrayEquals(data, back);
                    }
                }
            }
        }
    }

    @Test
    void randomGarbageNeverThrows() throws Exception {
        Random rnd = new Random(77);
        ChunkCompressor[] cs = {
            Compressors.create(CompressionType.XPRESS, 65536, 20), Compressors.create(CompressionType.XPRESS, 65536, 50),
            Compressors.create(CompressionType.XPRESS, 65536, 100), Compressors.create(CompressionType.LZX, 65536, 20),
            Compressors.create(CompressionType.LZX, 65536, 50), Compressors.create(CompressionType.LZX, 65536, 100)};
        ChunkDecompressor[] ds = {
            Decompressors.create(CompressionType.XPRESS, 65536), Decompressors.create(CompressionType.XPRESS, 65536),
            Decompressors.create(CompressionType.XPRESS, 65536), Decompressors.create(CompressionType.LZX, 65536),
            Decompressors.create(CompressionType.LZX, 65536), Decompressors.create(CompressionType.LZX, 65536)};
        for (int round = 0; round < 60; round++) {
            int len = rnd.nextInt(65537);
            byte[] data = new byte[len];
            int alphabet = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 256);
            for (int i = 0; i < len; i++) {
                data[i] = (byte) (rnd.nextInt(10) == 0 ? 0xE8 : rnd.nextInt(alphabet));
            }
            for (int k = 0; k < cs.length; k++) {
                roundTrip(cs[k], ds[k], data, "round " + round + " codec " + k);
            }
        }
    }
}
