package org.fenestra.cab.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fenestra cab} prints what cabextract prints, and extracts the same files. */
class CabCommandOracleTest {

    @TempDir
    Path dir;

    private Path cab;

    record Output(int rc, String out, String err) {
    }

    @BeforeEach
    void cabinet() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcab")) && Files.isExecutable(Path.of("/usr/bin/cabextract")));
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Random r = new Random(9);
        List<String> cmd = new ArrayList<>(List.of("gcab", "-c", "-z", dir.resolve("t.cab").toString()));
        for (String name : List.of("readme.txt", "bin/tool.exe", "bin/lib.dll", "doc/a/b/notes.TXT", "empty")) {
            Path f = tree.resolve(name);
            Files.createDirectories(f.getParent());
            byte[] data = new byte[name.equals("empty") ? 0 : 1000 + r.nextInt(70000)];
            r.nextBytes(data);
            Files.write(f, data);
            cmd.add(name);
        }
        run(tree, cmd);
        cab = dir.resolve("t.cab");
    }

    private static String run(Path workDir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), cmd + "\n" + out);
        return out;
    }

    private static Output ours(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new CabCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Output(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsWhatCabextractPrints() throws Exception {
        String theirs = run(dir, List.of("cabextract", "-l", cab.toString()));
        Output o = ours("list", cab.toString());
        assertEquals(0, o.rc(), o.err());
        assertEquals(theirs, o.out());
    }

    @Test
    void extractPrintsAndWritesWhatCabextractDoes() throws Exception {
        String theirs = run(dir, List.of("cabextract", "-d", dir.resolve("theirs").toString(), cab.toString()));
        Output o = ours("extract", cab.toString(), "-d", dir.resolve("ours").toString());
        assertEquals(0, o.rc(), o.err());
        assertEquals(theirs.replace(dir.resolve("theirs").toString(), "DIR"),
                o.out().replace(dir.resolve("ours").toString(), "DIR"));
        run(dir, List.of("diff", "-r", dir.resolve("theirs").toString(), dir.resolve("ours").toString()));
    }

    @Test
    void filterSelectsAsCabextractDoes() throws Exception {
        for (String pattern : List.of("*.txt", "bin/*", "doc/?/b/*", "*[ld]l*")) {
            String theirs = run(dir, List.of("cabextract", "-F", pattern, "-d", dir.resolve("t-" + pattern.hashCode()).toString(),
                    cab.toString()));
            Output o = ours("extract", cab.toString(), "-F", pattern, "-d", dir.resolve("o-" + pattern.hashCode()).toString());
            assertEquals(0, o.rc(), o.err());
            assertEquals(theirs.replace("/t-", "/x-"), o.out().replace("/o-", "/x-"), pattern);
        }
    }

    @Test
    void errorsNameTheFileAndExitOne() throws Exception {
        Path bad = Files.write(dir.resolve("bad.cab"), new byte[100]);
        Output o = ours("list", bad.toString());
        assertEquals(1, o.rc());
        assertTrue(o.err().contains(bad.toString()) && o.err().contains("not a cabinet"), o.err());
        assertTrue(o.out().endsWith("All done, errors in processing 1 file(s)\n"), o.out());
        assertEquals(1, ours("frobnicate", cab.toString()).rc());
        assertEquals(1, ours("list").rc());
    }
}
