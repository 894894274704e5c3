package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.internal.cli.WimCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apply -}: a pipable WIM read from standard input, front to back, side by side with
 * wimlib-imagex: wimlib's pipable WIMs (streamed out of {@code wimlib-imagex capture ... -})
 * apply to the same tree; not pipable, truncated, garbage and corrupted input fail with
 * wimlib's exit codes, without a stack trace, and leave no file whose bytes differ from the
 * source.
 */
class PipableStdinTest {
    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws Exception {
        tree = TestTrees.make(tmp.resolve("tree"));
    }

    record Run(int rc, String out, String err) {
    }

    /** Our CLI in-process with {@code stdin} as standard input. */
    static Run ours(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(stdin)).run(args);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What {@code wimlib-imagex ARGS} writes to standard output (a pipable WIM for {@code capture ... -}). */
    static byte[] wimlibStdout(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Wimlib.EXE.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args));
        return bytes;
    }

    /** Every regular file under {@code applied} has the bytes of the same file under {@code source}. */
    static void assertNoBadBytes(Path source, Path applied) throws IOException {
        if (!Files.exists(applied)) {
            return;
        }
        for (String rel : Wimlib.list(applied)) {
            Path a = applied.resolve(rel);
            if (Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) {
                assertArrayEquals(Files.readAllBytes(source.resolve(rel)), Files.readAllBytes(a), rel);
            }
        }
    }

    static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "XPRESS", "LZX", "LZMS" })
    void appliesWimlibsPipableWimFromStandardInput(String compression) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        byte[] wim = wimlibStdout("capture", tree.toString(), "-", "--compress=" + compression);
        Path target = tmp.resolve("stdin-" + compression);
        Run r = ours(wim, "apply", "-", "1", target.toString());
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("Done applying WIM image."), r.out());
        Wimlib.assertSameTree(tree, target);
    }

    @Test
    void oursThroughOurs() throws Exception {
        Path wim = tmp.resolve("ours-pipable.wim");
        Run w = ours(new byte[0], "capture", tree.toString(), wim.toString(), "--pipable", "--compress=XPRESS");
        assertEquals(0, w.rc(), w.err());
        Path target = tmp.resolve("ours-through-ours");
        Run r = ours(Files.readAllBytes(wim), "apply", "-", target.toString());
        assertEquals(0, r.rc(), r.err());
        Wimlib.assertSameTree(tree, target);
    }

    @Test
    void picksOneImageOfSeveralAsWimlibDoes() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path second = Files.createDirectories(tmp.resolve("second-tree"));
        Files.writeString(second.resolve("second.txt"), "the second image\n".repeat(3000));
        Path wim = tmp.resolve("two-images-pipable.wim");
        Wimlib.ok("capture", tree.toString(), wim.toString(), "first", "--pipable");
        Wimlib.ok("append", second.toString(), wim.toString(), "second");
        byte[] bytes = Files.readAllBytes(wim);

        Path byName = tmp.resolve("by-name");
        Run r = ours(bytes, "apply", "-", "second", byName.toString());
        assertEquals(0, r.rc(), r.err());
        Wimlib.assertSameTree(second, byName);
        Path byIndex = tmp.resolve("by-index");
        r = ours(bytes, "apply", "-", "1", byIndex.toString());
        assertEquals(0, r.rc(), r.err());
        Wimlib.assertSameTree(tree, byIndex);

        for (String[] args : new String[][] { { "apply", "-", tmp.resolve("none").toString() },
                { "apply", "-", "all", tmp.resolve("all").toString() },
                { "apply", "-", "3", tmp.resolve("three").toString() } }) {
            Run ourRun = ours(bytes, args);
            assertEquals(18, ourRun.rc(), ourRun.err());
            assertNoStackTrace(ourRun);
            Process p = new ProcessBuilder(Wimlib.EXE.toString(), args[0], args[1], args[2],
                    args.length > 3 ? args[3] : tmp.resolve("wimlib-none").toString())
                    .redirectInput(wim.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(18, p.exitValue(), String.join(" ", args));
        }
    }

    @Test
    void refusesANonPipableWimAsWimlibDoes() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path wim = tmp.resolve("not-pipable.wim");
        Wimlib.ok("capture", tree.toString(), wim.toString());
        Path target = tmp.resolve("not-pipable");
        Run r = ours(Files.readAllBytes(wim), "apply", "-", "1", target.toString());
        assertEquals(44, r.rc(), r.err());
        assertTrue(r.err().contains("is not pipable"), r.err());
        assertFalse(Files.exists(target));
        assertEquals(44, wimlibApplyFromStdin(Files.readAllBytes(wim), "not-pipable-wimlib"));

        Run garbage = ours(new Random(1).ints(50_000).collect(ByteArrayOutputStream::new, (o, i) -> o.write(i),
                (a, b) -> a.writeBytes(b.toByteArray())).toByteArray(), "apply", "-", "1",
                tmp.resolve("garbage").toString());
        assertEquals(43, garbage.rc(), garbage.err());
        assertNoStackTrace(garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "LZX" })
    void truncatedStreamFailsAsWimlibAndLeavesNoBadFile(String compression) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        byte[] wim = wimlibStdout("capture", tree.toString(), "-", "--compress=" + compression);
        for (int part = 1; part < 12; part++) {
            int cut = (int) ((long) wim.length * part / 12);
            byte[] head = java.util.Arrays.copyOf(wim, cut);
            Path target = tmp.resolve("cut-" + compression + "-" + part);
            Run r = ours(head, "apply", "-", "1", target.toString());
            assertEquals(65, r.rc(), "cut at " + cut + "\n" + r.err()); // the pipe ended
            assertEquals(r.rc(), wimlibApplyFromStdin(head, "cut-wimlib-" + compression + "-" + part),
                    "cut at " + cut);
            assertNoStackTrace(r);
            assertNoBadBytes(tree, target);
        }
    }

    /** wimlib-imagex apply - 1 (into a fresh folder) with {@code wim} on its standard input; its exit code. */
    static int wimlibApplyFromStdin(byte[] wim, String name) throws IOException, InterruptedException {
        Path file = tmp.resolve(name + ".wim");
        Files.write(file, wim);
        Process p = new ProcessBuilder(Wimlib.EXE.toString(), "apply", "-", "1", tmp.resolve(name).toString())
                .redirectInput(file.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void corruptedCompressedChunkFailsAndLeavesNoFile() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        byte[] wim = wimlibStdout("capture", tree.toString(), "-", "--compress=LZX");
        // a byte in the middle of the file data (the largest blobs, compressed chunks)
        wim[wim.length / 2] ^= 0x55;
        Path target = tmp.resolve("corrupt-lzx");
        Run r = ours(wim, "apply", "-", "1", target.toString());
        // 2: a chunk that does not decompress; 28: one that does, to the wrong bytes
        assertTrue(r.rc() == 2 || r.rc() == 28, r.rc() + "\n" + r.err());
        assertNoStackTrace(r);
        assertNoBadBytes(tree, target);
        int theirs = wimlibApplyFromStdin(wim, "corrupt-lzx-wimlib");
        assertTrue(theirs == 2 || theirs == 28, "wimlib: " + theirs);
    }

    @Test
    void corruptedBlobFailsWithCode28AndLeavesNoFile() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path src = Files.createDirectories(tmp.resolve("corrupt-src"));
        String marker = "unique marker line for the corruption test\n";
        Files.writeString(src.resolve("victim.txt"), marker.repeat(2000));
        Files.writeString(src.resolve("bystander.txt"), "an intact file\n");
        byte[] wim = wimlibStdout("capture", src.toString(), "-", "--compress=none");
        String asLatin1 = new String(wim, StandardCharsets.ISO_8859_1);
        int at = asLatin1.indexOf(marker);
        assertTrue(at > 0);
        wim[at + 5000] ^= 0x20;

        Path target = tmp.resolve("corrupt-applied");
        Run r = ours(wim, "apply", "-", "1", target.toString());
        assertEquals(28, r.rc(), r.err());
        assertTrue(r.err().contains("/victim.txt"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(target.resolve("victim.txt")));
        assertNoBadBytes(src, target);

        assertEquals(28, wimlibApplyFromStdin(wim, "corrupt-wimlib"));

        Path recovered = tmp.resolve("corrupt-recovered");
        Run rr = ours(wim, "apply", "-", "1", recovered.toString(), "--recover-data");
        assertEquals(0, rr.rc(), rr.err());
        assertTrue(rr.err().contains("/victim.txt"), rr.err());
        assertEquals(Files.size(src.resolve("victim.txt")), Files.size(recovered.resolve("victim.txt")));
        assertEquals("an intact file\n", Files.readString(recovered.resolve("bystander.txt")));
    }
}
