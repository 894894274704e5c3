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
        compare(commands, commands.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Command input in UTF-16LE with and without BOM and UTF-8 with BOM, as wimlib 1.14 reads it.
     * wimlib 1.13.5 (installed) takes its input on Linux as UTF-8 bytes without looking for a BOM,
     * so it gets the same commands in plain UTF-8; where 1.13.5 differs (a BOM or UTF-16 fails
     * there), we follow 1.14.
     */
    @ParameterizedTest
    @ValueSource(strings = { "UTF-16LE-BOM", "UTF-16LE", "UTF-8-BOM", "UTF-8" })
    void commandInputInWimlib114Encodings(String encoding) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        String commands = "# änderungen\r\nadd '" + src.resolve("g") + "' /neu/grüße.txt\r\nrename /d /dé\n\n"
                + "delete --recursive /e\n";
        byte[] text = commands.getBytes(encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE);
        byte[] bom = encoding.equals("UTF-16LE-BOM") ? new byte[] { (byte) 0xFF, (byte) 0xFE }
                : encoding.equals("UTF-8-BOM") ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF } : new byte[0];
        byte[] ours = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, ours, 0, bom.length);
        System.arraycopy(text, 0, ours, bom.length, text.length);
        String listing = compare(commands, ours);
        assertEquals(true, listing.contains("/neu/grüße.txt\n") && listing.contains("/dé/f\n"), listing);
    }

    /**
     * Runs {@code commands} through wimlib-imagex update (as UTF-8) and {@code ourInput} through
     * ours; returns the listing of the result (null when both failed alike).
     */
    private String compare(String commands, byte[] ourInput) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        Path ours = Files.copy(base, dir.resolve("ours.wim"));
        Path theirs = Files.copy(base, dir.resolve("theirs.wim"));
        byte[] before = Files.readAllBytes(ours);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(ourInput))
                    .run("update", ours.toString());
        }
        Path in = Files.writeString(dir.resolve("commands.txt"), commands, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(Wimlib.EXE.toString(), "update", theirs.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(in.toFile()).start();
        String theirOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(p.exitValue(), rc, "ours: " + err.toString(StandardCharsets.UTF_8) + "\nwimlib: " + theirOut);
        if (rc != 0) {
            assertArrayEquals(before, Files.readAllBytes(ours));
            return null;
        }
        Wimlib.ok("verify", ours.toString());
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
        }
        assertEquals(Wimlib.ok("dir", theirs.toString()), Wimlib.ok("dir", ours.toString()));
        Wimlib.ok("apply", ours.toString(), dir.resolve("ours").toString());
        Wimlib.ok("apply", theirs.toString(), dir.resolve("theirs").toString());
        Wimlib.assertSameTree(dir.resolve("theirs"), dir.resolve("ours"));
        return Wimlib.ok("dir", ours.toString());
    }
}
