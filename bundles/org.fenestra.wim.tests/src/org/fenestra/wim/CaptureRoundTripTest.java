package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WIMs captured at test time by wimlib-imagex from a generated tree, for every compression
 * type, solid mode and several chunk sizes, then applied by our engine: bytes must match.
 * Skipped only when wimlib-imagex is not installed.
 */
class CaptureRoundTripTest {
    private static final Path WIMLIB = Path.of("/usr/bin/wimlib-imagex");

    @TempDir
    static Path tmp;
    static Path tree;

    @BeforeAll
    static void makeTree() throws IOException {
        tree = tmp.resolve("tree");
        Random rnd = new Random(7);
        Files.createDirectories(tree.resolve("sub/deeper"));
        Files.createDirectories(tree.resolve("empty"));
        Files.writeString(tree.resolve("text.txt"), "hello WIM\n".repeat(5000), StandardCharsets.UTF_8);
        byte[] random = new byte[300_000];
        rnd.nextBytes(random);
        Files.write(tree.resolve("sub/random.bin"), random);
        byte[] mixed = new byte[2_500_000]; // spans several chunks of every chunk size tested
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (byte) (i % 3 == 0 ? rnd.nextInt(256) : 'a' + i % 17);
        }
        Files.write(tree.resolve("sub/deeper/mixed.bin"), mixed);
        Files.write(tree.resolve("sub/zeros"), new byte[200_000]);
        Files.write(tree.resolve("empty.dat"), new byte[0]);
        for (int i = 0; i < 50; i++) {
            Files.writeString(tree.resolve("sub/small" + i + ".txt"), "file " + i + "\n".repeat(i));
        }
        Files.createLink(tree.resolve("sub/link-to-text"), tree.resolve("text.txt"));
        Files.createSymbolicLink(tree.resolve("sub/sym"), Path.of("../text.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "--compress=none", "--compress=XPRESS", "--compress=LZX", "--compress=LZMS",
            "--compress=XPRESS --chunk-size=4096", "--compress=XPRESS --chunk-size=65536",
            "--compress=LZX --chunk-size=65536", "--compress=LZX --chunk-size=2097152",
            "--compress=LZMS --chunk-size=1048576", "--solid", "--solid --solid-compress=LZX",
            "--solid --solid-compress=XPRESS", "--solid --solid-chunk-size=1048576", "--compress=LZX --pipable" })
    void applyWhatWimlibCaptured(String options) throws Exception {
        assumeTrue(Files.isExecutable(WIMLIB), "wimlib-imagex is not installed");
        Path wim = tmp.resolve(options.replaceAll("[^A-Za-z0-9]", "_") + ".wim");
        List<String> cmd = new ArrayList<>(List.of(WIMLIB.toString(), "capture", tree.toString(), wim.toString(), "t"));
        cmd.addAll(List.of(options.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);

        Path out = tmp.resolve("out-" + wim.getFileName());
        try (WimFile w = WimFile.open(wim)) {
            WimVerifyReport r = w.verify(WimProgress.NONE);
            r.throwIfFailed();
            WimExtractor.extract(w.openImage(1), List.of(), out, ExtractOptions.defaults(), WimProgress.NONE);
        }
        assertSameTree(tree, out);
    }

    private static void assertSameTree(Path a, Path b) throws IOException {
        List<String> la = list(a);
        assertEquals(la, list(b));
        for (String rel : la) {
            Path pa = a.resolve(rel);
            Path pb = b.resolve(rel);
            if (Files.isSymbolicLink(pa)) {
                assertEquals(Files.readSymbolicLink(pa), Files.readSymbolicLink(pb), rel);
            } else if (Files.isRegularFile(pa)) {
                assertArrayEquals(Files.readAllBytes(pa), Files.readAllBytes(pb), rel);
            }
        }
        assertEquals(Files.getAttribute(b.resolve("text.txt"), "unix:ino"),
                Files.getAttribute(b.resolve("sub/link-to-text"), "unix:ino"));
    }

    private static List<String> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
