package org.fenestra.wim.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.wim.Fixtures;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** apply/extract of the basic tree against the SHA-1s and symlinks of the source tree. */
class ApplyTest {
    @TempDir
    Path tmp;

    static List<String> basicFixtures() {
        return Fixtures.BASIC;
    }

    @ParameterizedTest
    @MethodSource("basicFixtures")
    void applyReproducesBasicTree(String fixture) throws IOException {
        Fixtures.Run run = Fixtures.cli("apply", Fixtures.path(fixture).toString(), tmp.toString());
        assertEquals(0, run.rc(), run.stderr());
        assertTree(tmp);
    }

    @Test
    void splitSetAppliesWithReferencesOnly() throws IOException {
        Path without = tmp.resolve("without");
        Fixtures.Run fail = Fixtures.cli("apply", Fixtures.path("split.swm").toString(), without.toString());
        assertEquals(55, fail.rc(), fail.stderr());
        try (WimFile wim = WimFile.open(Fixtures.path("split.swm"))) {
            WimImage image = wim.openImage(1);
            assertThrows(MissingSplitPartException.class,
                    () -> WimExtractor.extract(image, List.of(), without, ExtractOptions.defaults(), WimProgress.NONE));
        }
        Path with = tmp.resolve("with");
        Fixtures.Run ok = Fixtures.cli("apply", Fixtures.path("split.swm").toString(), with.toString(),
                "--ref=" + Fixtures.path("split*.swm"));
        assertEquals(0, ok.rc(), ok.stderr());
        // the split set's "big" tree is basic plus three large files
        for (String line : expectedSha1Lines()) {
            String rel = line.substring(42);
            assertEquals(line.substring(0, 40), sha1(with.resolve(rel)), rel);
        }
    }

    @Test
    void hardLinksAreHardLinks() throws IOException {
        Fixtures.cli("apply", Fixtures.path("lzx.wim").toString(), tmp.toString());
        Object a = Files.getAttribute(tmp.resolve("links/original.txt"), "unix:ino");
        Object b = Files.getAttribute(tmp.resolve("links/hardlink1.txt"), "unix:ino");
        assertEquals(a, b);
        Object dupA = Files.getAttribute(tmp.resolve("dups/a"), "unix:ino");
        Object dupB = Files.getAttribute(tmp.resolve("dups/b"), "unix:ino");
        assertFalse(dupA.equals(dupB), "separate inodes with the same data stay separate files");
    }

    @Test
    void extractGivenPathsIntoDestDir() throws IOException {
        Fixtures.Run run = Fixtures.cli("extract", Fixtures.path("lzms.wim").toString(), "1", "/readme.txt", "/chunks",
                "--dest-dir=" + tmp);
        assertEquals(0, run.rc(), run.stderr());
        assertEquals(expectedSha1("./readme.txt"), sha1(tmp.resolve("readme.txt")));
        assertEquals(expectedSha1("./chunks/32769.txt"), sha1(tmp.resolve("chunks/32769.txt")));
        Fixtures.Run missing = Fixtures.cli("extract", Fixtures.path("lzms.wim").toString(), "1", "/nope",
                "--dest-dir=" + tmp);
        assertEquals(49, missing.rc());
    }

    @Test
    void invalidNamesNeverEscapeTheTarget() {
        ExtractionNames names = new ExtractionNames();
        assertEquals(null, names.nameFor("a/b", false));
        assertEquals(".. (invalid filename #1)", names.nameFor("..", true));
        assertEquals(null, names.nameFor(".", false));
        assertEquals(null, names.nameFor("x\0y", false));
        assertEquals(null, names.nameFor("bad\uD800", false));
        assertEquals("a?b (invalid filename #2)", names.nameFor("a/b", true));
        assertEquals("..\\x", names.nameFor("..\\x", false));
        assertEquals(null, ExtractionNames.child(Path.of("/t"), "../x"));
        assertEquals(Path.of("/t/ok"), ExtractionNames.child(Path.of("/t"), "ok"));
    }

    static void assertTree(Path root) throws IOException {
        List<String> lines = expectedSha1Lines();
        List<String> actual = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    actual.add(sha1(p) + "  ./" + root.relativize(p));
                }
            }
        }
        lines.sort(null);
        actual.sort(null);
        assertEquals(lines, actual);
        List<String> links = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) {
                    links.add("./" + root.relativize(p) + " -> " + Files.readSymbolicLink(p));
                }
            }
        }
        links.sort(null);
        assertEquals(Files.readAllLines(Fixtures.EXPECTED.resolve("basic-tree.symlinks")), links);
        assertTrue(Files.isDirectory(root.resolve("emptydir")));
    }

    private static String expectedSha1(String rel) throws IOException {
        for (String line : expectedSha1Lines()) {
            if (line.substring(42).equals(rel)) {
                return line.substring(0, 40);
            }
        }
        throw new IllegalArgumentException(rel);
    }

    /** basic-tree.sha1 lines; sha1sum escapes names with a backslash as "\\HASH  name\\\\x". */
    static List<String> expectedSha1Lines() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.EXPECTED.resolve("basic-tree.sha1"))) {
            if (line.startsWith("\\")) {
                line = line.substring(1).replace("\\\\", "\\").replace("\\n", "\n");
            }
            out.add(line);
        }
        return out;
    }

    static String sha1(Path p) throws IOException {
        MessageDigest md = Sha1.newDigest();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
