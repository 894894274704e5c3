package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cabinets made by gcab (MSZIP and stored), extracted by us and by cabextract: the same bytes. */
class GcabOracleTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Tools.assumePresent();
    }

    @ParameterizedTest(name = "mszip={0}")
    @ValueSource(booleans = {true, false})
    void extractsWhatCabextractExtracts(boolean mszip) throws Exception {
        Path tree = Trees.typical(dir.resolve("tree"), 300, mszip ? 3_000_000 : 700_000);
        Path cab = Tools.gcab(tree, dir.resolve("t.cab"), mszip);
        Path theirs = Tools.cabextract(cab, dir.resolve("theirs"));
        ExtractReport report;
        try (Cabinet c = Cabinet.open(cab)) {
            assertEquals(303, c.entries().size());
            report = c.extractAll(dir.resolve("ours"), CabProgress.NONE);
        }
        Trees.assertSameTree(tree, dir.resolve("ours"));
        Trees.assertSameTree(theirs, dir.resolve("ours"));
        assertEquals(303, report.files());
        assertEquals(Trees.read(tree).values().stream().mapToLong(b -> b.length).sum(), report.bytes());
    }

    @Test
    void listsNamesSizesAndReadsEntriesByName() throws Exception {
        Path tree = Trees.typical(dir.resolve("tree"), 20, 200_000);
        Path cab = Tools.gcab(tree, dir.resolve("t.cab"), true);
        TreeMap<String, byte[]> expected = Trees.read(tree);
        try (Cabinet c = Cabinet.open(cab)) {
            Map<String, Long> listed = new TreeMap<>();
            for (CabEntry e : c.entries()) {
                listed.put(e.path(), e.size());
                assertEquals(0, e.folder());
            }
            Map<String, Long> sizes = new TreeMap<>();
            expected.forEach((k, v) -> sizes.put(k, (long) v.length));
            assertEquals(sizes, listed);
            assertArrayEquals(expected.get("a/b/c/deep.xml"), c.readEntry("A\\B/c\\DEEP.XML", 1 << 20));
            CabEntry large = c.find("a/large.bin").orElseThrow();
            try (InputStream in = c.openEntry(large)) {
                assertArrayEquals(expected.get("a/large.bin"), in.readAllBytes());
            }
            assertArrayEquals(new byte[0], c.readEntry("empty.txt", 0));
        }
    }

    @Test
    void extractsSelectedEntriesOnly() throws Exception {
        Path tree = Trees.typical(dir.resolve("tree"), 10, 100_000);
        Path cab = Tools.gcab(tree, dir.resolve("t.cab"), true);
        try (Cabinet c = Cabinet.open(cab)) {
            List<CabEntry> some = c.entries().stream().filter(e -> e.path().startsWith("many/f1")).toList();
            ExtractReport r = c.extract(some, dir.resolve("ours"), CabProgress.NONE);
            assertEquals(some.size(), r.files());
        }
        TreeMap<String, byte[]> got = Trees.read(dir.resolve("ours"));
        assertEquals(List.of("many/f1.dat"), List.copyOf(got.keySet()));
        assertArrayEquals(Files.readAllBytes(tree.resolve("many/f1.dat")), got.get("many/f1.dat"));
        assertTrue(Files.notExists(dir.resolve("ours/a")));
    }
}
