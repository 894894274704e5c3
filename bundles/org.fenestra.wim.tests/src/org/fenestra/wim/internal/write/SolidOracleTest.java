package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Solid output ({@code --solid}; LZMS with 64 MiB chunks by default, XPRESS and LZX too) against wimlib-imagex writing the same tree or the same
 * images with the same options: wimlib verifies ours, {@code info} is the same (version 3584),
 * {@code dir --detailed} is the same except the solid resource's compressed size and offset and
 * the blobs' offsets within it (the packing order follows wimlib's only roughly), wimlib
 * applies ours to the same bytes, and our reader reads it back.
 */
class SolidOracleTest {
    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = TestTrees.make(tmp.resolve("tree"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "--solid", "--solid --solid-chunk-size=1048576 --check",
            "--solid --solid-compress=LZMS:80 --solid-chunk-size=32768 --compress=LZX",
            "--solid --solid-compress=XPRESS --compress=LZX",
            "--solid --solid-compress=LZX --compress=XPRESS",
            "--solid --solid-compress=XPRESS --solid-chunk-size=4096 --compress=none",
            "--solid --solid-compress=XPRESS:80 --solid-chunk-size=65536 --compress=LZX",
            "--solid --solid-compress=LZX --solid-chunk-size=1048576 --compress=LZX --check",
            "--solid --solid-compress=LZX:20 --solid-chunk-size=2097152 --compress=XPRESS --chunk-size=4096 --boot" })
    void solidCaptureMatchesWimlib(String options) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        String tag = options.replaceAll("[^A-Za-z0-9]", "_");
        Path ours = tmp.resolve("ours" + tag + ".wim");
        Path theirs = tmp.resolve("theirs" + tag + ".wim");
        List<String> args = new ArrayList<>(List.of("capture", tree.toString(), ours.toString(), "Solid", "solid test"));
        args.addAll(List.of(options.split(" ")));
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        args.set(2, theirs.toString());
        Wimlib.ok(args.toArray(String[]::new));

        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"));
        String info = Wimlib.ok("info", ours.toString());
        assertTrue(info.contains("Version:        3584"), info);
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())), Wimlib.normalizedInfo(info));
        String ourDir = Wimlib.ok("dir", ours.toString(), "1", "--detailed");
        assertTrue(ourDir.contains("Solid resource") && ourDir.contains("WIM_RESHDR_FLAG_SOLID"), ourDir);
        assertEquals(normalizedSolidDir(Wimlib.ok("dir", theirs.toString(), "1", "--detailed")),
                normalizedSolidDir(ourDir));

        Path applied = tmp.resolve("applied" + tag);
        Wimlib.ok("apply", ours.toString(), applied.toString());
        Wimlib.assertSameTree(tree, applied);
        Path ourApply = tmp.resolve("our-apply" + tag);
        try (WimFile w = WimFile.open(ours)) {
            assertEquals(WimHeader.VERSION_SOLID, w.header().version());
            w.verify(WimProgress.NONE).throwIfFailed();
            WimExtractor.extract(w.openImage(1), List.of(), ourApply, ExtractOptions.defaults(), WimProgress.NONE);
        }
        Wimlib.assertSameTree(tree, ourApply);
    }

    /**
     * Every image of a multi-image WIM, and solid sources, exported solid; and what wimlib does
     * without options: a solid LZMS source gives a solid LZMS WIM again.
     */
    @ParameterizedTest
    @CsvSource({ "multi.wim,--solid --solid-compress=LZX --compress=LZX", "multi.wim,--solid",
            "solid.esd,--solid --solid-compress=LZX --compress=LZX", "solid.esd,", "solid-lzx.esd,",
            "lzx.wim,--solid --solid-chunk-size=65536", "lzms.wim,--solid --solid-compress=XPRESS" })
    void solidExportAllImagesMatchesWimlib(String fixture, String options) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Fixtures.path(fixture);
        String tag = fixture + (options == null ? "" : options.replaceAll("[^A-Za-z0-9]", "_"));
        Path ours = tmp.resolve("export-ours-" + tag + ".wim");
        Path theirs = tmp.resolve("export-theirs-" + tag + ".wim");
        List<String> args = new ArrayList<>(List.of("export", src.toString(), "all", ours.toString()));
        if (options != null) {
            args.addAll(List.of(options.split(" ")));
        }
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        args.set(3, theirs.toString());
        Wimlib.ok(args.toArray(String[]::new));

        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"));
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())),
                Wimlib.normalizedInfo(Wimlib.ok("info", ours.toString())));
        assertEquals(Wimlib.ok("dir", theirs.toString(), "1", "--detailed").contains("Solid resource"),
                Wimlib.ok("dir", ours.toString(), "1", "--detailed").contains("Solid resource"));
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            for (int i = 1; i <= w.imageCount(); i++) {
                String image = String.valueOf(i);
                assertEquals(normalizedSolidDir(Wimlib.ok("dir", theirs.toString(), image, "--detailed")),
                        normalizedSolidDir(Wimlib.ok("dir", ours.toString(), image, "--detailed")), "image " + i);
            }
        }
    }

    /**
     * Export reads the blobs of a solid source in file order through a one-chunk cache: many
     * blobs per chunk, blobs across chunk boundaries and blobs over many chunks (4 KiB chunks)
     * all come out right, into a non-solid and a solid WIM.
     */
    @ParameterizedTest
    @ValueSource(strings = { "--compress=LZX", "--solid --solid-compress=LZX --compress=XPRESS", "--solid" })
    void exportOfSmallChunkSolidSource(String options) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = tmp.resolve("small-chunks.esd");
        if (!Files.exists(src)) {
            Wimlib.ok("capture", tree.toString(), src.toString(), "--solid", "--solid-compress=XPRESS",
                    "--solid-chunk-size=4096");
        }
        Path ours = tmp.resolve("small-chunks-export" + options.replaceAll("[^A-Za-z0-9]", "_") + ".wim");
        List<String> args = new ArrayList<>(List.of("export", src.toString(), "1", ours.toString()));
        args.addAll(List.of(options.split(" ")));
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"));
        Path applied = tmp.resolve("applied-" + ours.getFileName());
        Wimlib.ok("apply", ours.toString(), applied.toString());
        Wimlib.assertSameTree(tree, applied);
    }

    @Test
    void solidWithTheJavaApiAndCancellation() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("api"));
        Path dest = dir.resolve("solid.wim");
        WriteOptions opts = WriteOptions.defaults().withSolid(new SolidOptions(CompressionType.XPRESS, 0, 50));
        assertEquals(32768, opts.solid().chunkSize());
        WimWriter.capture(tree, dest, CaptureOptions.named("api"), opts, WimProgress.NONE);
        try (WimFile w = WimFile.open(dest)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            assertEquals(WimHeader.VERSION_SOLID, w.header().version());
        }
        byte[] before = Files.readAllBytes(dest);
        WimProgress cancelSoon = new CancelAfterWork(200_000);
        assertThrows(WimCancelledException.class,
                () -> WimWriter.capture(tree, dest, CaptureOptions.named("x"), opts, cancelSoon));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dest)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dest), s.toList());
        }
    }

    @Test
    void badSolidOptionsAreRefusedBeforeAnyFileIsMade() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new SolidOptions(CompressionType.NONE, 0, 50));
        assertThrows(IllegalArgumentException.class, () -> new SolidOptions(CompressionType.XPRESS, 1 << 17, 50));
        assertThrows(IllegalArgumentException.class, () -> new SolidOptions(CompressionType.LZX, 12345, 50));
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        for (String[] bad : new String[][] { { "--solid", "--solid-compress=none", "--compress=LZX" },
                { "--solid", "--solid-compress=XPRESS", "--solid-chunk-size=131072", "--compress=LZX" },
                { "--solid", "--solid-compress=bogus" }, { "--solid", "--solid-compress=LZX:0", "--compress=LZX" } }) {
            List<String> args = new ArrayList<>(List.of("capture", tree.toString(), dir.resolve("x.wim").toString()));
            args.addAll(List.of(bad));
            Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
            assertEquals(255, run.rc(), String.join(" ", bad) + ": " + run.stderr());
            assertTrue(run.stderr().startsWith("ERROR: "), run.stderr());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }

    /**
     * {@link Wimlib#normalizedDir} for solid WIMs: also the solid resource's compressed size and
     * offset (a different compressor; wimlib leaves room for duplicates it drops later) and the
     * blobs' offsets in it (ties in the name order are broken differently). The resource's
     * uncompressed size stays: both hold exactly the same distinct blobs.
     */
    static String normalizedSolidDir(String listing) {
        return Wimlib.normalizedDir(listing, false)
                .replaceAll("(?m)^Solid resource    = (\\d+) => \\d+ bytes @ offset \\d+$", "Solid resource    = $1 => *")
                .replaceAll("(?m)^Solid offset      = \\d+ bytes$", "Solid offset      = *");
    }
}
