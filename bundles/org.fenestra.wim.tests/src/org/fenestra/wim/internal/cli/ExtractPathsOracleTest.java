package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code extract} with wildcards, {@code @LISTFILE}/{@code @-} path lists, {@code --nullglob},
 * {@code --no-wildcards}, {@code --to-stdout} and {@code --preserve-dir-structure}, side by side
 * with wimlib-imagex on a WIM it captured: same exit code, same error lines, same extracted tree
 * (or the same bytes on standard output).
 */
class ExtractPathsOracleTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path wim;

    @BeforeAll
    static void captureWithWimlib() throws Exception {
        assumeTrue(CliOracle.wimlibPresent(), "wimlib-imagex is not installed");
        Path src = shared.resolve("src");
        for (String d : new String[] { "a/b", "c", "d/e/f" }) {
            Files.createDirectories(src.resolve(d));
        }
        for (String f : new String[] { "a/one.txt", "a/b/two.txt", "a/b/x.log", "c/Three.TXT", "c/st*r", "c/stXr",
                "d/e/f/deep.txt", "d/e/f/naïve.txt", "empty" }) {
            Files.writeString(src.resolve(f), f.equals("empty") ? "" : "data of " + f + "\n");
        }
        Files.createSymbolicLink(src.resolve("a/lnk"), Path.of("one.txt"));
        wim = shared.resolve("paths.wim");
        assertEquals(0, CliOracle.wimlib(Map.of(), new byte[0], List.of("capture", src.toString(), wim.toString())).rc());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a/*.txt", "/a/*.txt|--preserve-dir-structure", "/*/b/*|--preserve-dir-structure",
            "a/b/two.txt", "//a///b//", "/c/st*r", "/c/st*r|--no-wildcards", "/c/st?r", "/d/e/f/na?ve.txt",
            "/d/e/f/na??ve.txt", "/a|/a/b/two.txt", "/a/b|/a/b", "/*/*/*/*.txt|--preserve-dir-structure",
            "/a/*.zz", "/a/*.zz|--nullglob", "/a/*.zz|/c/Three.TXT|--nullglob", "/a/zz|--no-wildcards",
            "/C/three.txt", "/C/three.txt|IGNORE_CASE", "/*/three.*|IGNORE_CASE", "/C/three.txt|--no-wildcards|IGNORE_CASE",
            "--no-wildcards|--nullglob", "/", "/*", "/empty", "/a/lnk" })
    void extractsWhatWimlibExtracts(String spec) throws Exception {
        List<String> args = new ArrayList<>();
        Map<String, String> env = Map.of();
        for (String a : spec.split("\\|")) {
            if (a.equals("IGNORE_CASE")) {
                env = Map.of(CaptureConfigs.IGNORE_CASE_VARIABLE, "1");
            } else {
                args.add(a);
            }
        }
        assertSame(env, new byte[0], args);
    }

    /** List files in every encoding wimlib reads, with comments, blank lines, quotes and wildcards. */
    @ParameterizedTest
    @ValueSource(strings = { "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16LE-BOM" })
    void pathListFiles(String encoding) throws Exception {
        String text = "# paths to extract\r\n\n  /a/one.txt  \n; another comment\n\"/c/st*r\"\n'/d/e/f/naïve.txt'\n"
                + "/a/b/*.log\n\"unbalanced\n";
        Path list = tmp.resolve("list.txt");
        Files.write(list, encode(text, encoding));
        assertSame(Map.of(), new byte[0], List.of("@" + list));
        // "unbalanced is a missing path: with --nullglob the rest is extracted
        assertSame(Map.of(), new byte[0], List.of("@" + list, "--nullglob"));
    }

    @Test
    void pathListsMixWithPathsAndStandardInput() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "/c/Three.TXT\n/a/b\n");
        byte[] stdin = encode("/d/e/f/deep.txt\n/empty\n", "UTF-16LE-BOM");
        assertSame(Map.of(), stdin, List.of("/a/one.txt", "@" + list, "/d", "@-"));
        assertSame(Map.of(), stdin, List.of("@-", "/a/one.txt", "--preserve-dir-structure"));
        assertSame(Map.of(), new byte[0], List.of("@" + tmp.resolve("no-such-list")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/a/*.txt|/c/Three.TXT|/empty|/a/b/two.txt", "/*/*.txt", "/a", "/a/one.txt|/a|/c/st*r",
            "/a/lnk", "/nothing|--nullglob", "/nothing" })
    void toStdoutWritesTheDataAndNothingElse(String spec) throws Exception {
        List<String> args = new ArrayList<>(List.of(spec.split("\\|")));
        args.add("--to-stdout");
        assertSame(Map.of(), new byte[0], args);
    }

    @Test
    void toStdoutWithAListFromStandardInput() throws Exception {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "/c/Three.TXT\n/a/one.txt\n");
        assertSame(Map.of(), new byte[0], List.of("@" + list, "--to-stdout"));
    }

    private static byte[] encode(String text, String encoding) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (encoding) {
            case "UTF-8" -> b.write(text.getBytes(StandardCharsets.UTF_8));
            case "UTF-8-BOM" -> {
                b.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
                b.write(text.getBytes(StandardCharsets.UTF_8));
            }
            case "UTF-16LE" -> b.write(text.getBytes(StandardCharsets.UTF_16LE));
            case "UTF-16LE-BOM" -> {
                b.write(new byte[] { (byte) 0xFF, (byte) 0xFE });
                b.write(text.getBytes(StandardCharsets.UTF_16LE));
            }
            default -> throw new IllegalArgumentException(encoding);
        }
        return b.toByteArray();
    }

    /** Runs {@code extract WIM 1 ARGS --dest-dir=...} both ways and compares. */
    private void assertSame(Map<String, String> env, byte[] stdin, List<String> args) throws Exception {
        Path theirDir = tmp.resolve("theirs");
        Path ourDir = tmp.resolve("ours");
        CliOracle.Run theirs = CliOracle.wimlib(env, stdin, extract(args, theirDir));
        CliOracle.Run ours = CliOracle.ours(env, stdin, extract(args, ourDir));
        assertEquals(theirs.rc(), ours.rc(), "exit code for " + args + "\nwimlib: " + theirs.err() + "\nours: " + ours.err());
        if (theirs.rc() != 0 || args.contains("--to-stdout")) {
            assertEquals(theirs.err(), ours.err(), "standard error for " + args);
        }
        if (args.contains("--to-stdout")) {
            assertArrayEquals(theirs.out(), ours.out(), "standard output for " + args);
        } else if (theirs.rc() == 0) {
            assertEquals(theirs.outText().contains("Reading pathlist file from standard input...\n"),
                    ours.outText().contains("Reading pathlist file from standard input...\n"));
            assertTrue(ours.outText().endsWith("Done extracting files.\n"), ours.outText());
        }
        assertEquals(CliOracle.tree(theirDir), CliOracle.tree(ourDir), "extracted tree for " + args);
        clear(theirDir);
        clear(ourDir);
    }

    private static List<String> extract(List<String> args, Path dest) {
        List<String> l = new ArrayList<>(List.of("extract", wim.toString(), "1"));
        l.addAll(args);
        l.add("--dest-dir=" + dest);
        return l;
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
