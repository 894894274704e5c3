package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimBlobInfo;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * File data that fails its SHA-1 is never handed over as good, on every path that reads it
 * (apply, extract, export raw and recompressed, split, verify), and {@code --recover-data}
 * extracts it anyway as wimlib does. The WIMs are written by wimlib and then corrupted at one
 * byte: in a chunk stored raw inside a compressed resource (data changes, decompression cannot
 * notice), in compressed data, in an uncompressed resource and in a solid LZMS resource.
 */
class CorruptFileDataTest {
    /** Exit codes of a corruption: SHA-1 mismatch (28) or data that does not decompress (2). */
    private static final Set<Integer> CORRUPTION_CODES = Set.of(28, 2);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path source;

    /** Where the byte is flipped, and in which WIM. */
    enum Damage {
        UNCOMPRESSED_RESOURCE("none", "/mixed.bin", true),
        RAW_CHUNK_XPRESS("XPRESS", "/mixed.bin", true),
        RAW_CHUNK_LZX("LZX", "/mixed.bin", true),
        COMPRESSED_CHUNK_XPRESS("XPRESS", "/text.txt", false),
        COMPRESSED_CHUNK_LZX("LZX", "/text.txt", false),
        SOLID_LZMS("solid", "/text.txt", false);

        final String compression;
        final String path;
        /** The flipped byte only changes data: the result is exactly a SHA-1 mismatch. */
        final boolean hashMismatchOnly;

        Damage(String compression, String path, boolean hashMismatchOnly) {
            this.compression = compression;
            this.path = path;
            this.hashMismatchOnly = hashMismatchOnly;
        }
    }

    @BeforeAll
    static void makeSourceTree() throws IOException {
        source = shared.resolve("src");
        Files.createDirectories(source.resolve("sub"));
        Random rnd = new Random(7);
        byte[] text = "compressible text line\n".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        byte[] mixed = new byte[65536 + 40000]; // two compressible chunks, then one stored raw
        System.arraycopy(text, 0, mixed, 0, 65536);
        byte[] noise = new byte[40000];
        rnd.nextBytes(noise);
        System.arraycopy(noise, 0, mixed, 65536, noise.length);
        Files.write(source.resolve("mixed.bin"), mixed);
        Files.write(source.resolve("sub/mixed-copy.bin"), mixed); // same blob, second target
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            lines.append("line ").append(i).append(" of a text that compresses well\n");
        }
        Files.writeString(source.resolve("text.txt"), lines);
        Files.writeString(source.resolve("sub/good.txt"), "good data\n".repeat(100));
    }

    /** A WIM written by wimlib with the damage applied (the path's data resource, one byte flipped). */
    private Path damagedWim(Damage d) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path wim = tmp.resolve("damaged-" + d.name().toLowerCase() + (d.compression.equals("solid") ? ".esd" : ".wim"));
        if (d.compression.equals("solid")) {
            Wimlib.ok("capture", source.toString(), wim.toString(), "--solid");
        } else {
            Wimlib.ok("capture", source.toString(), wim.toString(), "--compress=" + d.compression);
        }
        long at;
        try (WimFile w = WimFile.open(wim)) {
            WimBlobInfo b = w.openImage(1).lookup(d.path).mainStream().blob();
            if (b.solid()) {
                at = b.solidOffset() + b.solidCompressedSize() / 2;
            } else if (d.hashMismatchOnly) {
                assertEquals(d.compression.equals("none"), b.compressedSize() == b.size(), "resource layout");
                at = b.offset() + b.compressedSize() - 100; // the random tail
            } else {
                at = b.offset() + b.compressedSize() / 2;
            }
        }
        byte[] bytes = Files.readAllBytes(wim);
        bytes[(int) at] ^= 0x10;
        Files.write(wim, bytes);
        return wim;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void applyRefusesAndLeavesNoBadFile(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Path ours = tmp.resolve("ours");
        Fixtures.Run run = Fixtures.cli("apply", wim.toString(), "1", ours.toString());
        Wimlib.Result theirs = Wimlib.run("apply", wim.toString(), "1", tmp.resolve("theirs").toString());
        assertNotEquals(0, theirs.rc(), "wimlib refuses");
        assertCorruption(d, run, theirs);
        assertFalse(run.out().contains("Done applying"), run.out());
        assertOnlyGoodFiles(ours);
        assertFalse(Files.exists(ours.resolve(d.path.substring(1))), "no file where the damaged one should be");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void extractRefusesAndLeavesNoBadFile(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Path ours = tmp.resolve("ours");
        Fixtures.Run run = Fixtures.cli("extract", wim.toString(), "1", d.path, "--dest-dir=" + ours);
        Wimlib.Result theirs = Wimlib.run("extract", wim.toString(), "1", d.path,
                "--dest-dir=" + tmp.resolve("theirs"));
        assertNotEquals(0, theirs.rc(), "wimlib refuses");
        assertCorruption(d, run, theirs);
        assertOnlyGoodFiles(ours);
    }

    /** Raw copies too: wimlib's export copies compressed resources unread and passes the damage on. */
    @ParameterizedTest
    @EnumSource(Damage.class)
    void exportKeepingCompressionRefusesAndWritesNothing(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Path out = tmp.resolve("export.wim");
        Fixtures.Run run = Fixtures.cli("export", wim.toString(), "1", out.toString());
        assertTrue(CORRUPTION_CODES.contains(run.rc()), run.rc() + ": " + run.stderr());
        assertFalse(Files.exists(out), "no new WIM");
        assertEquals(List.of("damaged-" + d.name().toLowerCase() + (d.compression.equals("solid") ? ".esd" : ".wim")),
                Wimlib.list(tmp).stream().filter(n -> !n.isEmpty()).toList(), "no temporary file left");
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void exportRecompressingRefusesAndWritesNothing(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Path out = tmp.resolve("export.wim");
        String other = d.compression.equals("LZX") ? "XPRESS" : "LZX";
        Fixtures.Run run = Fixtures.cli("export", wim.toString(), "1", out.toString(), "--compress=" + other);
        Wimlib.Result theirs = Wimlib.run("export", wim.toString(), "1", tmp.resolve("theirs.wim").toString(),
                "--compress=" + other);
        assertCorruption(d, run, theirs);
        assertFalse(Files.exists(out), "no new WIM");
    }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = "SOLID_LZMS", mode = EnumSource.Mode.EXCLUDE)
    void splitRefusesAndWritesNoPart(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Fixtures.Run run = Fixtures.cli("split", wim.toString(), tmp.resolve("part.swm").toString(), "1");
        assertTrue(CORRUPTION_CODES.contains(run.rc()), run.rc() + ": " + run.stderr());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().contains("part")).count(), "no part written");
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void verifyFailsAsWimlibDoes(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Fixtures.Run run = Fixtures.cli("verify", wim.toString());
        Wimlib.Result theirs = Wimlib.run("verify", wim.toString());
        assertCorruption(d, run, theirs);
    }

    /**
     * wimlib's --recover-data: damaged files are extracted anyway (at their full size) and named,
     * and every file not named is good. (In a solid resource one bad chunk damages every file
     * that shares it.)
     */
    @ParameterizedTest
    @EnumSource(Damage.class)
    void recoverDataExtractsTheRestAndNamesTheDamagedFiles(Damage d) throws Exception {
        Path wim = damagedWim(d);
        Path ours = tmp.resolve("ours");
        Fixtures.Run run = Fixtures.cli("apply", wim.toString(), "1", ours.toString(), "--recover-data");
        assertEquals(0, run.rc(), run.stderr());
        Matcher m = Pattern.compile("\\[WARNING\\] Corruption in \"(.*)\"!  Extracting anyway since data recovery"
                + " mode is enabled.").matcher(run.stderr());
        Set<String> damaged = new HashSet<>();
        while (m.find()) {
            damaged.add(m.group(1).substring(1));
        }
        assertTrue(damaged.contains(d.path.substring(1)), run.stderr());
        for (String rel : Wimlib.list(source)) {
            Path p = source.resolve(rel);
            if (Files.isRegularFile(p)) {
                assertEquals(Files.size(p), Files.size(ours.resolve(rel)), rel + ": full size");
                if (!damaged.contains(rel) && !(rel.equals("sub/mixed-copy.bin") && damaged.contains("mixed.bin"))) {
                    assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(ours.resolve(rel)), rel);
                }
            }
        }
        if (d.hashMismatchOnly) { // the data read is the data stored: the same bytes wimlib recovers
            assertEquals(Set.of(d.path.substring(1)), damaged);
            Path theirs = tmp.resolve("theirs");
            assertEquals(0, Wimlib.run("apply", wim.toString(), "1", theirs.toString(), "--recover-data").rc());
            Path recovered = ours.resolve(d.path.substring(1));
            assertArrayEquals(Files.readAllBytes(theirs.resolve(d.path.substring(1))), Files.readAllBytes(recovered));
            assertArrayEquals(Files.readAllBytes(recovered), Files.readAllBytes(ours.resolve("sub/mixed-copy.bin")));
        }
    }

    @Test
    void theApiThrowsTheTypedErrorNamingTheFile() throws Exception {
        Path wim = damagedWim(Damage.RAW_CHUNK_LZX);
        try (WimFile w = WimFile.open(wim)) {
            BlobHashMismatchException e = assertThrows(BlobHashMismatchException.class, () -> WimExtractor.extract(w.openImage(1),
                    List.of(), tmp.resolve("api"), ExtractOptions.defaults(), WimProgress.NONE));
            assertTrue(e.getMessage().contains("\"/mixed.bin\""), e.getMessage());
            assertTrue(e.blob() != null && e.blob().actualHash() != null, "the corrupted blob is described");
        }
    }

    /** Our exit code is a corruption's, wimlib's is not 0, and a SHA-1 mismatch is reported as wimlib does. */
    private static void assertCorruption(Damage d, Fixtures.Run run, Wimlib.Result theirs) {
        assertTrue(CORRUPTION_CODES.contains(run.rc()), run.rc() + ": " + run.stderr());
        assertNotEquals(0, theirs.rc(), theirs.out());
        if (d.hashMismatchOnly) {
            assertEquals(28, run.rc(), run.stderr());
            assertEquals(28, theirs.rc(), theirs.out());
            assertTrue(run.stderr().contains("A WIM resource is corrupted!"), run.stderr());
        }
        assertFalse(run.stderr().contains("Exception"), "no stack trace: " + run.stderr());
    }

    /** Every regular file under {@code dir} holds exactly the source's bytes. */
    private static void assertOnlyGoodFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        for (String rel : Wimlib.list(dir)) {
            Path p = dir.resolve(rel);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                assertArrayEquals(Files.readAllBytes(source.resolve(rel)), Files.readAllBytes(p), rel + " has bad bytes");
            }
        }
    }
}
