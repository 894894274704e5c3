package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.internal.cli.WimCommand;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that change an existing WIM, each done by us on one copy and by
 * {@code wimlib-imagex} on another, one after the other on the same files: append a modified
 * tree (in place, sharing the unchanged data), export an image of another WIM into it, update an
 * image (add, delete, rename), delete one image softly (in place) and one with the default
 * rebuild, optimize. After every step ours must verify (wimlib and our verifier), show the same
 * {@code info} and {@code dir --detailed} as wimlib's result (GUID, times, offsets and, when
 * compressed, compressed sizes normalised) and apply to the same bytes. The base WIM has an
 * integrity table and a boot image, which every step keeps as wimlib does.
 */
class InPlaceOracleTest {
    @TempDir
    static Path tmp;
    static Path treeA;
    static Path treeB;
    static Path treeC;

    @BeforeAll
    static void makeTrees() throws Exception {
        treeA = TestTrees.make(tmp.resolve("a"));
        treeB = TestTrees.make(tmp.resolve("b"));
        // The modified tree: one file changed, one added, one deleted; the rest shared with A.
        Files.writeString(treeB.resolve("text.txt"), "changed\n".repeat(3000));
        Files.write(treeB.resolve("chunks/added.bin"), TestTrees.bytes(new java.util.Random(7), 200_000));
        Files.delete(treeB.resolve("chunks/random.bin"));
        TestTrees.fixTimes(treeB);
        treeC = tmp.resolve("c");
        Files.createDirectories(treeC.resolve("sub"));
        Files.writeString(treeC.resolve("sub/new.txt"), "added by update\n".repeat(500));
        Files.write(treeC.resolve("blob.bin"), TestTrees.bytes(new java.util.Random(9), 70_000));
        TestTrees.fixTimes(treeC);
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "XPRESS", "LZX", "LZMS" })
    void everyStepMatchesWimlib(String compression) throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path dir = Files.createDirectories(tmp.resolve(compression));
        Path base = dir.resolve("base.wim");
        Wimlib.ok("capture", treeA.toString(), base.toString(), "A", "--compress=" + compression, "--check", "--boot");
        Path ours = Files.copy(base, dir.resolve("ours.wim"));
        Path theirs = Files.copy(base, dir.resolve("theirs.wim"));
        boolean sizes = compression.equals("none");
        String guid = guid(ours);

        step(dir, "append", sizes, List.of("append", treeB.toString(), ours.toString(), "B", "B's description"),
                List.of("append", treeB.toString(), theirs.toString(), "B", "B's description"), null);
        assertTrue(Files.size(ours) < 2 * Files.size(base), "append stored the shared data again");

        Path multi = Fixtures.path("multi.wim").toAbsolutePath();
        step(dir, "export", sizes, List.of("export", multi.toString(), "2", ours.toString()),
                List.of("export", multi.toString(), "2", theirs.toString()), null);

        String commands = "# update image 1\nadd " + treeC + " /added\n\ndelete --recursive /many\n"
                + "rename /text.txt '/renamed text.txt'\ndelete --force /absent\nadd " + treeC.resolve("blob.bin")
                + " /chunks/zeros.bin\n";
        step(dir, "update", sizes, List.of("update", ours.toString(), "1"), List.of("update", theirs.toString(), "1"),
                commands);

        step(dir, "delete-soft", sizes, List.of("delete", ours.toString(), "2", "--soft"),
                List.of("delete", theirs.toString(), "2", "--soft"), null);
        step(dir, "delete", sizes, List.of("delete", ours.toString(), "1"), List.of("delete", theirs.toString(), "1"),
                null);
        step(dir, "optimize", sizes, List.of("optimize", ours.toString(), "--recompress"),
                List.of("optimize", theirs.toString(), "--recompress"), null);
        assertEquals(guid, guid(ours), "in-place changes and rebuilds keep the GUID");
        assertEquals(List.of("base.wim", "ours.wim", "theirs.wim"),
                Files.list(dir).filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList(),
                "no temporary file left");
    }

    private static String guid(Path wim) throws Exception {
        return Wimlib.ok("info", wim.toString()).lines().filter(l -> l.startsWith("GUID:")).findFirst().orElseThrow();
    }

    /**
     * Exporting an image whose data the WIM already holds writes only metadata, blob table and
     * XML: compressed blobs are neither compressed nor copied again.
     */
    @org.junit.jupiter.api.Test
    void exportOfDataTheWimHoldsWritesOnlyMetadata() throws Exception {
        assumeTrue(Wimlib.present(), "wimlib-imagex is not installed");
        Path dir = Files.createDirectories(tmp.resolve("sharing"));
        Path dest = Files.copy(Fixtures.path("lzx.wim"), dir.resolve("dest.wim"));
        long before = Files.size(dest);
        Fixtures.Run r = Fixtures.cli("export", Fixtures.path("lzx.wim").toString(), "1", dest.toString(), "again");
        assertEquals(0, r.rc(), r.stderr());
        try (WimFile w = WimFile.open(dest)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            assertEquals(2, w.imageCount());
        }
        assertTrue(Wimlib.ok("verify", dest.toString()).contains("successfully verified"));
        // The same blobs at the same offsets: only link group numbers differ.
        assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", dest.toString(), "1", "--detailed"), true)
                .replace("Offset in WIM     = *", ""), Wimlib.normalizedDir(Wimlib.ok("dir", dest.toString(), "2",
                        "--detailed"), true).replace("Offset in WIM     = *", ""));
        assertTrue(Files.size(dest) - before < before / 4, "grew by " + (Files.size(dest) - before) + " of " + before);
    }

    /** Runs one step both ways and compares the results. */
    private static void step(Path dir, String name, boolean sizes, List<String> ourArgs, List<String> theirArgs,
            String stdin) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(
                    StandardCharsets.UTF_8))).run(ourArgs.toArray(String[]::new));
        }
        assertEquals(0, rc, name + ": " + err.toString(StandardCharsets.UTF_8));
        wimlibWithInput(theirArgs, stdin);
        Path ours = Path.of(ourArgs.get(name.equals("append") ? 2 : name.equals("export") ? 3 : 1));
        Path theirs = Path.of(theirArgs.get(name.equals("append") ? 2 : name.equals("export") ? 3 : 1));

        assertTrue(Wimlib.ok("verify", ours.toString()).contains("successfully verified"), name);
        String info = Wimlib.ok("info", ours.toString());
        assertEquals(Wimlib.normalizedInfo(Wimlib.ok("info", theirs.toString())), Wimlib.normalizedInfo(info), name);
        int count;
        try (WimFile w = WimFile.open(ours)) {
            w.verify(WimProgress.NONE).throwIfFailed();
            count = w.imageCount();
        }
        for (int i = 1; i <= count; i++) {
            String image = String.valueOf(i);
            assertEquals(Wimlib.normalizedDir(Wimlib.ok("dir", theirs.toString(), image, "--detailed"), sizes),
                    Wimlib.normalizedDir(Wimlib.ok("dir", ours.toString(), image, "--detailed"), sizes),
                    name + ": image " + i);
            Path a = dir.resolve(name + "-ours-" + i);
            Path b = dir.resolve(name + "-theirs-" + i);
            Wimlib.ok("apply", ours.toString(), image, a.toString());
            Wimlib.ok("apply", theirs.toString(), image, b.toString());
            Wimlib.assertSameTree(b, a);
        }
    }

    private static void wimlibWithInput(List<String> args, String stdin) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Wimlib.EXE.toString()));
        cmd.addAll(args);
        Path in = Files.createTempFile(tmp, "stdin", ".txt");
        Files.writeString(in, stdin == null ? "" : stdin);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(in.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wimlib-imagex timed out: " + cmd);
        }
        assertEquals(0, p.exitValue(), cmd + "\n" + out);
    }

    static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
