package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.WimFile;
import org.fenestra.wim.internal.cli.WimCommand;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code update} command scripts, each run by us and by {@code wimlib-imagex update} on copies of
 * one WIM: the same exit code; on success the same listing ({@code dir}) and a WIM that
 * verifies, on failure the WIM unchanged. {@code SRC} in a script stands for a source folder
 * with {@code d/f}, {@code g} and {@code e/} (empty).
 */
class UpdateCommandsOracleTest {
    @TempDir
    static Path tmp;
    static Path src;
    static Path base;

    @BeforeAll
    static void make() throws Exception {
        src = tmp.resolve("src");
        Files.createDirectories(src.resolve("d"));
        Files.createDirectories(src.resolve("e"));
        Files.writeString(src.resolve("d/f"), "file f\n".repeat(100));
        Files.writeString(src.resolve("g"), "file g\n".repeat(200));
        base = tmp.resolve("base.wim");
        if (Wimlib.present()) {
            Wimlib.ok("capture", src.toString(), base.toString(), "base", "--compress=XPRESS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { //
            "add SRC/g /new/deep/file", // parent directories created
            "add SRC /", // merged into the root: files replaced
            "add SRC/d /d", // directory merged into a directory
            "add --no-replace SRC/g /d/f", // refused overlay (23)
            "add SRC/d /g", // directory over a file (40)
            "add SRC/g /g/under", // below a file (40)
            "rename /d /g2\\nrename /g /g2/h", // rename a directory, then into it
            "rename /d /d/x", // into itself (41)
            "rename /g /e", // file over a directory (32)
            "rename /d /e", // directory over an empty directory
            "rename /e /d", // directory over a non-empty directory (41)
            "rename /missing /x", // (49)
            "delete /d", // directory without --recursive (32)
            "delete --recursive /", // everything below the root
            "delete --force /missing\\ndelete /g", //
            "# comment only\\n\\n", //
            "add 'SRC/d' \"/with space\"\\ndelete '/with space/f'", // quoting
    })
    void sameAsWimlib(String script) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        String commands = script.replace("\\n", "\n").replace("SRC", src.toString()) + "\n";
        Path dir = Files.createTempDirectory(tmp, "case");
        Path ours = Files.copy(base, dir.resolve("ours.wim"));
        Path theirs = Files.copy(base, dir.resolve("theirs.wim"));
        byte[] before = Files.readAllBytes(ours);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)))
                    .run("update", ours.toString());
        }
        Path in = Files.writeString(dir.resolve("commands.txt"), commands);
        List<String> cmd = new ArrayList<>(List.of(Wimlib.EXE.toString(), "update", theirs.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(in.toFile()).start();
        String theirOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(p.exitValue(), rc, "ours: " + err.toString(StandardCharsets.UTF_8) + "\nwimlib: " + theirOut);
        if (rc != 0) {
            assertArrayEquals(before, Files.readAllBytes(ours));
            return;
        }
        Wimlib.ok("verify", ours.toString());
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
        }
        assertEquals(Wimlib.ok("dir", theirs.toString()), Wimlib.ok("dir", ours.toString()));
        Wimlib.ok("apply", ours.toString(), dir.resolve("ours").toString());
        Wimlib.ok("apply", theirs.toString(), dir.resolve("theirs").toString());
        Wimlib.assertSameTree(dir.resolve("theirs"), dir.resolve("ours"));
    }
}
