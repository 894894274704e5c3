package org.fenestra.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.compress.codecs.Compressors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * wimlib is the oracle for our compressors: wimlib-imagex captures a one-file directory
 * with the same codec and chunk size, we replace that file's resource by one made of our
 * chunks (appended to the WIM; the blob table entry is pointed at it), and wimlib-imagex
 * {@code verify} and {@code extract --to-stdout} must accept it and return the same bytes.
 * Skipped when wimlib-imagex is not installed.
 */
class CompressorOracleTest {

    private static final int BLOB_ENTRY = 50;

    @TempDir
    static Path tmp;
    static byte[] data;

    @BeforeAll
    static void makeInput() throws Exception {
        Assumptions.assumeTrue(Wimlib.available(), "wimlib-imagex is not installed");
        data = TestCorpus.mixed(2_500_000, 21);
        // Make sure the file has E8 calls and long runs, and a short last chunk.
        data[1000] = (byte) 0xE8;
        Arrays.fill(data, 200_000, 420_000, (byte) 0);
    }

    @ParameterizedTest(name = "{0} chunk {1} level {2}")
    @CsvSource({
        "XPRESS, 4096, 50", "XPRESS, 32768, 10", "XPRESS, 32768, 50", "XPRESS, 32768, 100", "XPRESS, 65536, 80",
        "LZX, 32768, 20", "LZX, 32768, 50", "LZX, 32768, 100", "LZX, 65536, 50", "LZX, 131072, 34",
        "LZX, 1048576, 50", "LZX, 2097152, 50",
        "LZMS, 32768, 50", "LZMS, 131072, 20", "LZMS, 1048576, 50", "LZMS, 2097152, 100",
    })
    void wimlibDecodesOurChunks(CompressionType type, int chunkSize, int level) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(type + "-" + chunkSize + "-" + level));
        Files.write(dir.resolve("data.bin"), data);
        Path wim = tmp.resolve(type + "-" + chunkSize + "-" + level + ".wim");
        Wimlib.capture(dir, wim, "--compress=" + type, "--chunk-size=" + chunkSize);

        ChunkCompressor c = Compressors.create(type, chunkSize, level);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int numChunks = (data.length + chunkSize - 1) / chunkSize;
        ByteBuffer table = ByteBuffer.allocate(4 * (numChunks - 1)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] buf = new byte[chunkSize];
        int compressed = 0;
        for (int i = 0; i < numChunks; i++) {
            if (i > 0) {
                table.putInt(chunks.size());
            }
            int off = i * chunkSize;
            int n = Math.min(chunkSize, data.length - off);
            int size = c.compress(data, off, n, buf, 0, n);
            if (size == 0) {
                chunks.write(data, off, n);
            } else {
                chunks.write(buf, 0, size);
                compressed++;
            }
        }
        assertTrue(compressed >= 2, "too few compressed chunks: " + compressed);
        byte[] resource = concat(table.array(), chunks.toByteArray());
        replaceResource(wim, sha1(data), resource);

        run(List.of("wimlib-imagex", "verify", wim.toString()));
        byte[] back = run(List.of("wimlib-imagex", "extract", wim.toString(), "1", "/data.bin", "--to-stdout"));
        assertArrayEquals(data, back, "wimlib extracted different bytes");
    }

    /**
     * Appends {@code resource} to the WIM and points the blob table entry with the given
     * SHA-1 at it (flags and uncompressed size stay).
     */
    static void replaceResource(Path wim, byte[] sha1, byte[] resource) throws IOException {
        byte[] file = Files.readAllBytes(wim);
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("MSWIM", new String(file, 0, 5, StandardCharsets.US_ASCII));
        long tableSize = bb.getLong(48) & 0x00FF_FFFF_FFFF_FFFFL;
        int tableOff = (int) bb.getLong(56);
        assertEquals(0, file[48 + 7] & 0x04, "blob table must be stored uncompressed");
        for (int e = tableOff; e + BLOB_ENTRY <= tableOff + tableSize; e += BLOB_ENTRY) {
            if (Arrays.equals(file, e + 30, e + 50, sha1, 0, 20)) {
                long usize = bb.getLong(e + 16);
                assertEquals(data.length, usize);
                assertTrue((file[e + 7] & 0x04) != 0, "the captured blob is compressed");
                long newOff = file.length;
                long sizeAndFlags = (file[e + 7] & 0xFFL) << 56 | resource.length;
                bb.putLong(e, sizeAndFlags);
                bb.putLong(e + 8, newOff);
                Files.write(wim, concat(file, resource));
                return;
            }
        }
        fail("blob not found in the blob table");
    }

    static byte[] run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), () -> cmd + " failed: " + err + new String(out, 0, Math.min(out.length, 2000),
                StandardCharsets.UTF_8));
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] sha1(byte[] d) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(d);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
