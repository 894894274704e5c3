package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our pipable WIMs ({@code capture}/{@code export --pipable}, and "-" for standard output)
 * against wimlib-imagex: they must verify, list as wimlib's own pipable WIMs of the same tree
 * do (less what {@link Wimlib#normalizedDir}/{@link Wimlib#normalizedInfo} replace), and
 * apply to the same tree with wimlib both from the file and streamed through a pipe
 * ({@code apply -}, which reads them strictly sequentially), and with our own reader.
 */
class PipableOracleTest {
    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = TestTrees.make(tmp.resolve("tree"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "--compress=none", "--compress=XPRESS", "--compress=LZX", "--compress=LZMS",
            "--compress=XPRESS --chunk-size=4096", "--compress=LZX --check --boot" })
    void pipableCaptureMatchesWimlib(String options) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        String tag = options.replaceAll("[^A-Za-z0-9]", "_");
        Path ours = tmp.resolve("ours" + tag + ".wim");
        Path theirs = tmp.resolve("theirs" + tag + ".wim");
        List<String> args = new ArrayList<>(List.of("capture", tree.toString(), ours.toString(), "Image Name",
                "--pipable"));
        args.addAll(List.of(options.split(" ")));
        Fixtures.Run run = Fixtures.cli(args.toArray(String[]::new));
        assertEquals(0, run.rc(), run.stderr());
        assertTrue(run.stderr().contains("Creating a pipable WIM"), run.stderr());
        args.set(2, theirs.toString());
        Wimlib.ok(args.toArray(String[]::new));

        assertTrue(Wimlib.run("verify", ours.toString()).out().contains("successfully verified"));
        String info = Wimlib.ok("info", ours.toString());
        assertTrue(info.contains("Pipable"), info);
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())), Wimlib.normalizedInfo(info));
        boolean sizes = options.contains("none");
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", theirs.toString(), "1", "--detailed"), sizes),
                Wimlib.normalizedDir(Wimlib.ok("dir", ours.toString(), "1", "--detailed"), sizes));

        Path fromFile = tmp.resolve("from-file" + tag);
        Wimlib.ok("apply", ours.toString(), fromFile.toString());
        Wimlib.assertSameTree(tree, fromFile);
        Path fromPipe = tmp.resolve("from-pipe" + tag);
        assertEquals(0, wimlibApplyFromPipe(Files.readAllBytes(ours), "1", fromPipe));
        Wimlib.assertSameTree(tree, fromPipe);

        Path ourApply = tmp.resolve("our-apply" + tag);
        try (WimFile w = WimFile.open(ours)) {
            assertTrue(w.header().pipable());
            w.verify(WimProgress.NONE).throwIfFailed();
            WimExtractor.extract(w.openImage(1), List.of(), ourApply, ExtractOptions.defaults(), WimProgress.NONE);
        }
        Wimlib.assertSameTree(tree, ourApply);
    }

    @Test
    void captureToStandardOutputIsPipableAndAppliesFromAPipe() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Fixtures.Run run = Fixtures.cli("capture", tree.toString(), "-", "--compress=LZX");
        assertEquals(0, run.rc(), run.stderr());
        Path target = tmp.resolve("stdout-capture");
        assertEquals(0, wimlibApplyFromPipe(run.stdout(), "1", target));
        Wimlib.assertSameTree(tree, target);
    }

    @Test
    void exportOfEveryImageToStandardOutput() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path second = Files.createDirectories(tmp.resolve("second"));
        Files.writeString(second.resolve("only-here.txt"), "second image\n".repeat(1000), StandardCharsets.UTF_8);
        Path source = tmp.resolve("two-images.wim");
        Wimlib.ok("capture", tree.toString(), source.toString(), "one", "--compress=XPRESS");
        Wimlib.ok("append", second.toString(), source.toString(), "two");

        Fixtures.Run run = Fixtures.cli("export", source.toString(), "all", "-", "--compress=LZX");
        assertEquals(0, run.rc(), run.stderr());
        Path exported = tmp.resolve("exported.wim");
        Files.write(exported, run.stdout());
        assertTrue(Wimlib.run("verify", exported.toString()).out().contains("successfully verified"));
        String info = Wimlib.ok("info", exported.toString());
        assertTrue(info.contains("Image Count:    2") && info.contains("Pipable"), info);
        Path two = tmp.resolve("export-two");
        assertEquals(0, wimlibApplyFromPipe(run.stdout(), "two", two));
        Wimlib.assertSameTree(second, two);
        Path one = tmp.resolve("export-one");
        assertEquals(0, wimlibApplyFromPipe(run.stdout(), "1", one));
        Wimlib.assertSameTree(tree, one);

        // export of one image to a file with --pipable, kept compression (XPRESS)
        Path single = tmp.resolve("export-single.wim");
        run = Fixtures.cli("export", source.toString(), "2", single.toString(), "--pipable");
        assertEquals(0, run.rc(), run.stderr());
        assertTrue(Wimlib.ok("info", single.toString()).contains("XPRESS"));
        Path applied = tmp.resolve("export-single-applied");
        assertEquals(0, wimlibApplyFromPipe(Files.readAllBytes(single), "1", applied));
        Wimlib.assertSameTree(second, applied);
    }

    @Test
    void refusesSolidAndIntegrityOnAPipeAsWimlibDoes() throws Exception {
        Path dest = tmp.resolve("refused.wim");
        Fixtures.Run solid = Fixtures.cli("capture", tree.toString(), dest.toString(), "--pipable", "--solid");
        assertEquals(24, solid.rc(), solid.stderr());
        assertTrue(solid.stderr().contains("Solid compression is unsupported in pipable WIMs"), solid.stderr());
        assertFalse(Files.exists(dest));
        Fixtures.Run check = Fixtures.cli("capture", tree.toString(), "-", "--check");
        assertEquals(24, check.rc(), check.stderr());
        assertEquals(0, check.stdout().length);
        if (Wimlib.present()) {
            assertEquals(24, Wimlib.run("capture", tree.toString(), dest.toString(), "--pipable", "--solid").rc());
        }
        // exporting into an existing WIM with --pipable would need a rebuild: refused, not ignored
        Path existing = tmp.resolve("existing.wim");
        assertEquals(0, Fixtures.cli("capture", tree.toString(), existing.toString(), "--compress=XPRESS").rc());
        byte[] before = Files.readAllBytes(existing);
        Fixtures.Run into = Fixtures.cli("export", existing.toString(), "1", existing.toString(), "copy", "--pipable");
        assertEquals(68, into.rc(), into.stderr());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(existing)));
    }

    /** Runs {@code wimlib-imagex apply - IMAGE TARGET} with {@code wim} written into its standard input (a pipe). */
    static int wimlibApplyFromPipe(byte[] wim, String image, Path target) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Wimlib.EXE.toString(), "apply", "-", image, target.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(wim);
            } catch (IOException e) {
                // wimlib stopped reading (it may not need the rest of the stream): its exit code tells
            }
        });
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wimlib-imagex apply - timed out");
        }
        feeder.join();
        return p.exitValue();
    }
}
