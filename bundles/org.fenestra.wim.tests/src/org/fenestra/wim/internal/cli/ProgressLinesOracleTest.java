package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress and messages as wimlib-imagex prints them on standard output: the same lines, in the
 * same order, with the same final counts. Lines rewritten in place (carriage return) are
 * compared by their last state, since how often they are redrawn depends on timing.
 */
class ProgressLinesOracleTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path source;

    @BeforeAll
    static void makeTree() throws IOException {
        source = shared.resolve("src");
        Files.createDirectories(source.resolve("a/b"));
        Random rnd = new Random(3);
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[1000 + i * 7919];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (j % 3 == 0 ? rnd.nextInt(256) : 'a' + j % 19);
            }
            Files.write(source.resolve((i % 2 == 0 ? "a/" : "a/b/") + "file" + i + ".bin"), b);
        }
        Files.write(source.resolve("dup1.bin"), Files.readAllBytes(source.resolve("a/file10.bin")));
        Files.createLink(source.resolve("hardlink.bin"), source.resolve("a/file12.bin"));
        Files.writeString(source.resolve("small.txt"), "small\n");
    }

    @Test
    void captureApplyVerifyExportPrintWhatWimlibPrints() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        assertEquals(wimlib("capture", source.toString(), theirs.toString(), "--compress=XPRESS"),
                ours("capture", source.toString(), ours.toString(), "--compress=XPRESS"));
        assertEquals(wimlib("verify", theirs.toString()).replace(theirs.toString(), "WIM"),
                ours("verify", ours.toString()).replace(ours.toString(), "WIM"));
        assertEquals(wimlib("apply", theirs.toString(), "1", tmp.resolve("t").toString()).replace(theirs.toString(), "WIM"),
                ours("apply", ours.toString(), "1", tmp.resolve("t").toString()).replace(ours.toString(), "WIM"));
        assertEquals(wimlib("export", theirs.toString(), "1", tmp.resolve("te.wim").toString(), "--compress=LZX"),
                ours("export", ours.toString(), "1", tmp.resolve("oe.wim").toString(), "--compress=LZX"));
        String capture = ours("capture", source.toString(), tmp.resolve("o2.wim").toString());
        assertTrue(capture.contains("Archiving file data: "), capture);
    }

    /** From 2000 files wimlib also counts the directories and empty files it creates, and the directories' metadata. */
    @Test
    void applyOfManyFilesCountsThemAsWimlibDoes() throws Exception {
        assumeTrue(SideBySide.wimlibPresent(), "wimlib-imagex is not installed");
        Path many = tmp.resolve("many");
        for (int i = 0; i < 2100; i++) {
            Path dir = Files.createDirectories(many.resolve("d" + i % 300).resolve("e" + i));
            Files.write(dir.resolve("empty"), new byte[0]);
        }
        Files.writeString(many.resolve("data.txt"), "some data\n".repeat(2000));
        Path wim = tmp.resolve("many.wim");
        SideBySide.wimlib("capture", many.toString(), wim.toString());
        String theirs = wimlib("apply", wim.toString(), "1", tmp.resolve("t").toString());
        assertTrue(theirs.contains("Creating files: ") && theirs.contains("Applying metadata to files: "), theirs);
        assertEquals(theirs, ours("apply", wim.toString(), "1", tmp.resolve("o").toString()).replace("/o\"", "/t\""));
    }

    /** wimlib-imagex's standard output, each carriage-returned line reduced to its last state. */
    private static String wimlib(String... args) throws Exception {
        SideBySide.Result r = SideBySide.wimlib(args);
        assertEquals(0, r.rc(), r.out() + r.err());
        return SideBySide.lastStates(r.out());
    }

    private static String ours(String... args) {
        SideBySide.Result r = SideBySide.ours(args);
        assertEquals(0, r.rc(), r.err());
        return SideBySide.lastStates(r.out());
    }
}
