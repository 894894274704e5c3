package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.fenestra.compress.codecs.Decompressors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decodes real WIMs written by wimlib-imagex (the oracle) and checks every blob's SHA-1 as
 * recorded by wimlib. Skipped when wimlib-imagex is not installed.
 */
class WimlibOracleTest {

    @TempDir
    static Path tmp;
    static Path input;

    @BeforeAll
    static void makeInput() throws Exception {
        Assumptions.assumeTrue(Wimlib.available(), "wimlib-imagex is not installed");
        input = Files.createDirectories(tmp.resolve("in"));
        Files.write(input.resolve("mixed.bin"), TestCorpus.mixed(5_300_000, 1));
        Files.write(input.resolve("small.bin"), TestCorpus.mixed(70_000, 2));
        Files.write(input.resolve("tiny.txt"), "hello, hello, hello, hello window".getBytes());
    }

    @ParameterizedTest(name = "{0} chunk {1}")
    @CsvSource({
        "XPRESS, 4096", "XPRESS, 8192", "XPRESS, 16384", "XPRESS, 32768", "XPRESS, 65536",
        "LZX, 32768", "LZX, 65536", "LZX, 131072", "LZX, 1048576", "LZX, 2097152",
        "LZMS, 32768", "LZMS, 131072", "LZMS, 1048576",
    })
    void nonSolidResourcesMatchWimlib(CompressionType type, int chunkSize) throws Exception {
        Path wim = tmp.resolve(type + "-" + chunkSize + ".wim");
        Wimlib.capture(input, wim, "--compress=" + type, "--chunk-size=" + chunkSize);
        int compressedChunks = checkAllBlobs(wim, type, chunkSize, false);
        assertTrue(compressedChunks >= 3, "too few compressed chunks exercised: " + compressedChunks);
    }

    @ParameterizedTest(name = "solid {0}")
    @CsvSource({"LZMS, 67108864", "LZMS, 1048576", "LZX, 2097152", "XPRESS, 65536"})
    void solidResourcesMatchWimlib(CompressionType type, int chunkSize) throws Exception {
        Path wim = tmp.resolve("solid-" + type + "-" + chunkSize + ".wim");
        Wimlib.capture(input, wim, "--solid", "--solid-compress=" + type, "--solid-chunk-size=" + chunkSize);
        int compressedChunks = checkAllBlobs(wim, type, chunkSize, true);
        assertTrue(compressedChunks >= 1, "no compressed chunk exercised");
    }

    /**
     * Returns how many compressed (not stored) chunks were decoded. In solid WIMs the
     * non-solid (metadata) resources use the WIM's own codec, so only solid ones are checked.
     */
    private static int checkAllBlobs(Path wim, CompressionType type, int chunkSize, boolean solidOnly) throws Exception {
        byte[] bytes = Files.readAllBytes(wim);
        List<Wimlib.Blob> blobs = Wimlib.blobs(wim);
        assertTrue(blobs.size() >= 3, "expected the test files' blobs in " + blobs);
        int chunks = 0;
        for (Wimlib.Blob b : blobs) {
            WimResources.Resource res;
            long start = 0;
            if (b.solid()) {
                res = WimResources.readSolid(bytes, b.offset());
                assertEquals(chunkSize, res.chunkSize(), "solid chunk size");
                start = b.solidOffset();
            } else if (b.compressed() && !solidOnly) {
                // Metadata resources use the WIM's chunk size too.
                res = WimResources.readNonSolid(bytes, b.offset(), b.csize(), b.usize(), chunkSize);
            } else {
                continue;
            }
            byte[] all = WimResources.decode(res, Decompressors.create(type, res.chunkSize()));
            byte[] blob = Arrays.copyOfRange(all, (int) start, (int) (start + b.usize()));
            assertEquals(b.sha1(), sha1(blob), () -> "SHA-1 of blob " + b);
            for (WimResources.Chunk c : res.chunks()) {
                chunks += c.raw() ? 0 : 1;
            }
        }
        return chunks;
    }

    static String sha1(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }
}
