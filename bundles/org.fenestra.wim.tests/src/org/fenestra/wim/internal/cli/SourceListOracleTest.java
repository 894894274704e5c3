package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code capture}/{@code append --source-list}, side by side with wimlib-imagex: the same image
 * listing and applied tree from an overlay of several sources (the last file listed for a path
 * wins), and the same exit code where a file and a directory conflict.
 */
class SourceListOracleTest {
    private static final byte[] NO_INPUT = new byte[0];

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path dirA;
    private static Path dirB;
    private static Path clash;
    private static Path fileF;

    @BeforeAll
    static void makeSources() throws IOException {
        assumeTrue(CliOracle.wimlibPresent(), "wimlib-imagex is not installed");
        dirA = write("A", "a/x.txt", "common/one.txt", "top.txt");
        dirB = write("B", "common/two.txt", "b/y.txt", "b/sub/z.txt");
        clash = write("C", "common/one.txt");
        fileF = shared.resolve("f.txt");
        Files.writeString(fileF, "single file\n");
    }

    private static Path write(String name, String... files) throws IOException {
        Path root = shared.resolve(name);
        for (String f : files) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, name + " " + f + "\n");
        }
        return root;
    }

    /** Overlays: two directories merged at the root, a directory and a file below, a default target. */
    @ParameterizedTest
    @ValueSource(strings = { "UTF-8", "UTF-16LE-BOM", "UTF-16LE", "UTF-8-BOM" })
    void captureOverlaysAsWimlib(String encoding) throws Exception {
        String list = "# sources\n" + dirA + "  /\n\n  ; the second root\n'" + dirB + "'\t\"/\"\n" + dirB
                + " /deeper//place/\n" + fileF + " /files/f.txt extra words\n" + dirA.resolve("a") + "\n";
        Path listFile = tmp.resolve("sources.txt");
        Files.write(listFile, encode(list, encoding));
        // wimlib 1.13.5 on Linux reads the list as plain UTF-8 bytes (a BOM or UTF-16 fails); 1.14
        // decodes UTF-16LE with or without BOM and UTF-8 with BOM, which we follow: wimlib gets the
        // same list in UTF-8.
        Path utf8List = shared.resolve("utf8").resolve("sources.txt");
        Files.createDirectories(utf8List.getParent());
        Files.writeString(utf8List, list);
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("capture", utf8List.toString(), theirs.toString(),
                "--source-list")).rc());
        CliOracle.Run run = CliOracle.ours(Map.of(), NO_INPUT, List.of("capture", listFile.toString(), ours.toString(),
                "--source-list"));
        assertEquals(0, run.rc(), run.err());
        assertSameImage(theirs, ours, "1");
    }

    @Test
    void appendWithASourceList() throws Exception {
        Path listFile = tmp.resolve("list");
        Files.writeString(listFile, dirB + " /\n" + fileF + " /b/f.txt\n");
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        for (Path w : List.of(theirs, ours)) {
            assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("capture", dirA.toString(), w.toString())).rc());
        }
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("append", listFile.toString(), theirs.toString(),
                "--source-list")).rc());
        CliOracle.Run run = CliOracle.ours(Map.of(), NO_INPUT, List.of("append", listFile.toString(), ours.toString(),
                "--source-list"));
        assertEquals(0, run.rc(), run.err());
        assertSameImage(theirs, ours, "2");
        String info = CliOracle.wimlib(Map.of(), NO_INPUT, List.of("info", ours.toString(), "2")).outText();
        assertEquals(true, info.contains("Name:                   list\n"), info);
    }

    /**
     * Two files at one path (the later wins), a file where a directory is (exit 32), a directory
     * where a file is (40), a file as the root; the list read from standard input.
     */
    @ParameterizedTest
    @ValueSource(strings = { "A:/|C:/", "C:/|A:/", "A:/|F:/common", "F:/x|A:/x", "F:/" })
    void conflictsFailAsWimlib(String spec) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String s : spec.split("\\|")) {
            Path src = switch (s.charAt(0)) {
                case 'A' -> dirA;
                case 'C' -> clash;
                default -> fileF;
            };
            list.append(src).append(' ').append(s.substring(2)).append('\n');
        }
        byte[] stdin = list.toString().getBytes(StandardCharsets.UTF_8);
        Path theirs = tmp.resolve("theirs.wim");
        Path ours = tmp.resolve("ours.wim");
        CliOracle.Run t = CliOracle.wimlib(Map.of(), stdin, List.of("capture", "-", theirs.toString(), "--source-list"));
        CliOracle.Run o = CliOracle.ours(Map.of(), stdin, List.of("capture", "-", ours.toString(), "--source-list"));
        assertEquals(t.rc(), o.rc(), "wimlib: " + t.err() + "\nours: " + o.err());
        assertEquals(Files.exists(theirs), Files.exists(ours));
        if (t.rc() == 0) {
            assertSameImage(theirs, ours, "1");
        } else {
            assertFalse(Files.exists(ours));
        }
    }

    private void assertSameImage(Path theirs, Path ours, String image) throws Exception {
        assertEquals(CliOracle.wimlib(Map.of(), NO_INPUT, List.of("dir", theirs.toString(), image)).outText(),
                CliOracle.wimlib(Map.of(), NO_INPUT, List.of("dir", ours.toString(), image)).outText());
        Path theirTree = tmp.resolve("their-tree");
        Path ourTree = tmp.resolve("our-tree");
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("apply", theirs.toString(), image,
                theirTree.toString())).rc());
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("apply", ours.toString(), image,
                ourTree.toString())).rc());
        assertEquals(CliOracle.tree(theirTree), CliOracle.tree(ourTree));
        assertEquals(0, CliOracle.wimlib(Map.of(), NO_INPUT, List.of("verify", ours.toString())).rc());
    }

    static byte[] encode(String text, String encoding) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (encoding.endsWith("-BOM")) {
            b.write(encoding.startsWith("UTF-8") ? new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }
                    : new byte[] { (byte) 0xFF, (byte) 0xFE });
        }
        b.write(text.getBytes(encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16LE));
        return b.toByteArray();
    }
}
