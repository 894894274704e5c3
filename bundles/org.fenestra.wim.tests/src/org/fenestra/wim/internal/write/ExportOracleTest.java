package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Collectors;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code export} of one image into a new WIM ("Add OS Image → extract a specific image
 * index"), checked with wimlib: the result verifies, shows exactly the exported image with its
 * properties (as wimlib's own export does), lists like the source image, and the source file
 * is not modified.
 */
class ExportOracleTest {
    @TempDir
    Path tmp;

    private static byte[] sha256(Path p) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
    }

    @Test
    void exportIndexTwoOfMulti() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Fixtures.path("multi.wim");
        byte[] before = sha256(src);
        Path ours = tmp.resolve("ours.wim");
        Path theirs = tmp.resolve("theirs.wim");
        Fixtures.Run run = Fixtures.cli("export", src.toString(), "2", ours.toString());
        assertEquals(0, run.rc(), run.stderr());
        Wimlib.ok("export", src.toString(), "2", theirs.toString());

        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"));
        String info = Wimlib.ok("info", ours.toString());
        assertTrue(info.contains("Image Count:    1"), info);
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())), Wimlib.normalizedInfo(info));
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", src.toString(), "2")).replace("Image 2", "Image 1")
                .replace("Index:                  2", "Index:                  1"),
                Wimlib.normalizedInfo(Wimlib.ok("info", ours.toString(), "1")));
        // Compressed resources are copied as they are by both; the few stored raw in the source are
        // compressed again, where our compressor and wimlib's may differ by a few bytes.
        String ourDir = Wimlib.ok("dir", ours.toString(), "1", "--detailed");
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", theirs.toString(), "1", "--detailed"), false),
                Wimlib.normalizedDir(ourDir, false));
        Wimlib.assertCompressedFlags(ourDir);
        assertEquals(essentials(Wimlib.ok("dir", src.toString(), "2", "--detailed")), essentials(ourDir));
        assertArrayEquals(before, sha256(src));
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            assertEquals(1, w.imageCount());
        }
    }

    /**
     * {@code --recompress} compresses every blob again instead of copying its compressed bytes:
     * at the fastest level our LZX output of the same data differs from wimlib's default, so
     * the compressed sizes show which blobs were copied.
     */
    @Test
    void recompressCompressesAgainWhatCouldBeCopied() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Fixtures.path("multi.wim");
        Path copied = tmp.resolve("copied.wim");
        Path recompressed = tmp.resolve("recompressed.wim");

        assertEquals(0, Fixtures.cli("export", src.toString(), "1", copied.toString(), "--compress-level=1").rc());
        assertEquals(0, Fixtures.cli("export", src.toString(), "1", recompressed.toString(), "--recompress",
                "--compress-level=1").rc());

        String source = compressedSizes(Wimlib.ok("dir", src.toString(), "1", "--detailed"));
        assertEquals(source, compressedSizes(Wimlib.ok("dir", copied.toString(), "1", "--detailed")),
                "without --recompress the compressed bytes are copied");
        String again = compressedSizes(Wimlib.ok("dir", recompressed.toString(), "1", "--detailed"));
        assertTrue(!source.equals(again), "with --recompress the blobs are compressed again at level 1: " + again);
        Wimlib.ok("verify", recompressed.toString());
    }

    private static String compressedSizes(String detailedDir) {
        return detailedDir.lines().filter(l -> l.startsWith("Compressed size")).collect(Collectors.joining("\n"));
    }

    /**
     * Recompression paths: LZMS and solid sources (kept LZMS, and solid again, as wimlib does),
     * other formats, chunk sizes.
     */
    @ParameterizedTest
    @CsvSource({ "lzms.wim,1,", "solid.esd,1,", "solid-lzx.esd,1,", "lzx.wim,1,--compress=XPRESS",
            "xpress.wim,1,--compress=none", "none.wim,1,--compress=LZX", "lzx-chunk1m.wim,1,",
            "lzx.wim,1,--chunk-size=65536", "multi.wim,3,--recompress", "unix-data.wim,1,--check" })
    void exportRecompressed(String fixture, String image, String option) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Fixtures.path(fixture);
        byte[] before = sha256(src);
        Path ours = tmp.resolve("ours.wim");
        Fixtures.Run run = option == null ? Fixtures.cli("export", src.toString(), image, ours.toString())
                : Fixtures.cli("export", src.toString(), image, ours.toString(), option);
        assertEquals(0, run.rc(), run.stderr());
        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"));
        assertEquals(essentials(Wimlib.ok("dir", src.toString(), image, "--detailed")),
                essentials(Wimlib.ok("dir", ours.toString(), "1", "--detailed")));
        String ourInfo = Wimlib.ok("info", ours.toString());
        Path theirs = tmp.resolve("theirs.wim");
        if (option == null) {
            Wimlib.ok("export", src.toString(), image, theirs.toString());
        } else {
            Wimlib.ok("export", src.toString(), image, theirs.toString(), option);
        }
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())), Wimlib.normalizedInfo(ourInfo));
        String ourDir = Wimlib.ok("dir", ours.toString(), "1", "--detailed");
        assertEquals(Wimlib.ok("dir", theirs.toString(), "1", "--detailed").contains("Solid resource"),
                ourDir.contains("Solid resource"), ourInfo);
        if (!ourDir.contains("Solid resource")) {
            Wimlib.assertCompressedFlags(ourDir);
        }
        assertArrayEquals(before, sha256(src));
    }

    /**
     * What an image holds, whatever the resources look like: paths, attributes, times, streams'
     * hashes and sizes (reference counts are WIM-wide, so they drop with the other images).
     */
    private static String essentials(String detailed) {
        return detailed.lines()
                .filter(l -> !l.startsWith("Compressed size") && !l.startsWith("Offset in WIM")
                        && !l.startsWith("Flags ") && !l.startsWith("Solid ") && !l.startsWith("Link Group ID") && !l.startsWith("Reference Count"))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void exportRefusesAnExistingDestination() throws Exception {
        Path dest = tmp.resolve("exists.wim");
        Files.writeString(dest, "keep me");
        Fixtures.Run run = Fixtures.cli("export", Fixtures.path("lzx.wim").toString(), "1", dest.toString());
        assertTrue(run.rc() != 0);
        assertEquals("keep me", Files.readString(dest));
        assertEquals(List.of(dest), Files.list(tmp).toList());
    }
}
