package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our {@code capture} against {@code wimlib-imagex capture} of the same generated tree with the
 * same options. Ours must verify with wimlib, list ({@code dir --detailed}) identically except
 * for what {@link Wimlib#normalizedDir} and {@link Wimlib#normalizedInfo} replace (GUID, image
 * creation/modification times, blob offsets, link group numbering, and for compressed WIMs
 * compressed sizes and the file size), apply with wimlib to the same bytes, and read back with
 * our own reader. File times are compared exactly.
 */
class CaptureOracleTest {
    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = TestTrees.make(tmp.resolve("tree"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "--compress=none", "--compress=XPRESS", "--compress=LZX",
            "--compress=XPRESS --chunk-size=4096", "--compress=XPRESS --chunk-size=65536",
            "--compress=LZX --chunk-size=65536", "--compress=LZX --chunk-size=1048576", "--compress=LZX --check --boot",
            "--compress=none --norpfix", "--compress=LZMS", "--compress=LZMS --chunk-size=1048576" })
    void captureMatchesWimlib(String options) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        String tag = options.replaceAll("[^A-Za-z0-9]", "_");
        Path ours = tmp.resolve("ours" + tag + ".wim");
        Path theirs = tmp.resolve("theirs" + tag + ".wim");
        List<String> args = new ArrayList<>(List.of("capture", tree.toString(), ours.toString(), "Image Name", "A <description> & more"));
        args.addAll(List.of(options.split(" ")));
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        args.set(0, "capture");
        args.set(2, theirs.toString());
        Wimlib.ok(args.toArray(String[]::new));

        boolean sizes = options.contains("none");
        assertTrue(Wimlib.run("verify", ours.toString()).out().contains("successfully verified"));
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())),
                Wimlib.normalizedInfo(Wimlib.ok("info", ours.toString())));
        String ourDir = Wimlib.ok("dir", ours.toString(), "1", "--detailed");
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", theirs.toString(), "1", "--detailed"), sizes),
                Wimlib.normalizedDir(ourDir, sizes));
        Wimlib.assertCompressedFlags(ourDir);

        Path applied = tmp.resolve("applied" + tag);
        Wimlib.ok("apply", ours.toString(), applied.toString());
        Wimlib.assertSameTree(tree, applied);

        Path ourApply = tmp.resolve("our-apply" + tag);
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            WimExtractor.extract(w.openImage(1), List.of(), ourApply, ExtractOptions.defaults(), WimProgress.NONE);
        }
        Wimlib.assertSameTree(tree, ourApply);
    }

    @Test
    void exclusionListMatchesWimlib() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path config = tmp.resolve("config.txt");
        Files.writeString(config, "; comment\n[ExclusionList]\n*.bin\n/many/file1*\n\"/links\"\n/unicode/Gr??e\n"
                + "[ExclusionException]\n/chunks/size-1.bin\n/links/other\n", StandardCharsets.UTF_8);
        Path ours = tmp.resolve("excl-ours.wim");
        Path theirs = tmp.resolve("excl-theirs.wim");
        Fixtures.Run run = Fixtures.cli("capture", tree.toString(), ours.toString(), "--config=" + config,
                "--compress=none");
        assertEquals(0, run.rc(), run.stderr());
        Wimlib.ok("capture", tree.toString(), theirs.toString(), "--config=" + config, "--compress=none");
        String expected = Wimlib.ok("dir", theirs.toString(), "1");
        assertEquals(expected, Wimlib.ok("dir", ours.toString(), "1"));
        assertTrue(expected.contains("/chunks/size-1.bin") && !expected.contains("/chunks/random.bin"));
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", theirs.toString(), "1", "--detailed"), true),
                Wimlib.normalizedDir(Wimlib.ok("dir", ours.toString(), "1", "--detailed"), true));
    }

    @Test
    void cancelledCaptureLeavesNoTraceAndKeepsTheOriginal() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel"));
        Path dest = dir.resolve("image.wim");
        Files.writeString(dest, "the original file");
        WimProgress cancelSoon = new CancelAfterWork(100_000);
        assertThrows(WimCancelledException.class, () -> WimWriter.capture(tree, dest, CaptureOptions.named("x"),
                WriteOptions.defaults(), cancelSoon));
        assertEquals("the original file", Files.readString(dest));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(dest), s.toList());
        }
    }

    @Test
    void failedCaptureLeavesNoTemporaryFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fail"));
        Path dest = dir.resolve("image.wim");
        assertThrows(java.io.IOException.class, () -> WimWriter.capture(tmp.resolve("no-such-dir"), dest,
                CaptureOptions.named("x"), WriteOptions.defaults(), WimProgress.NONE));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void exclusionPatternsFollowWimlibRules() throws Exception {
        assertTrue(ExclusionMatcher.matches("/a/b/c.tmp", "*.tmp", false, false));
        assertTrue(ExclusionMatcher.matches("/a/b/c", "/a", false, false));
        assertTrue(!ExclusionMatcher.matches("/a", "/a/b", false, false));
        assertTrue(ExclusionMatcher.matches("/a", "/a/b", true, false));
        assertTrue(!ExclusionMatcher.matches("/x/a", "/a", false, false));
        CaptureConfig c = CaptureConfig.parse("# x\n[ExclusionList]\nC:\\dir\\\\*.tmp\n'*.log'\n[PrepopulateList]\n/p\n",
                "test");
        assertEquals(List.of("/dir/*.tmp", "*.log"), c.exclusions());
        assertThrows(java.io.IOException.class, () -> CaptureConfig.parse("[ExclusionList]\na/b\n", "test"));
    }
}
