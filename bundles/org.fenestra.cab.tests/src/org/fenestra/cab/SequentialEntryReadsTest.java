package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Cabinet#openEntry} of entries of one folder in order continues where the last stream
 * stopped instead of decoding the folder from its start for each entry (which made reading a
 * whole package quadratic in its size); out of order, it still starts over. gcab makes the
 * cabinet (one MSZIP folder); the bytes are the files gcab was given.
 */
class SequentialEntryReadsTest {

    private static final int FILES = 400;
    private static final int FILE_SIZE = 40_000;

    @TempDir
    static Path dir;
    static Path cab;
    static Path tree;

    @BeforeAll
    static void makeCabinet() throws Exception {
        Tools.assumePresent();
        tree = Files.createDirectories(dir.resolve("tree"));
        for (int i = 0; i < FILES; i++) {
            Trees.write(tree, String.format("f%04d.bin", i), Trees.mixed(i, FILE_SIZE));
        }
        cab = Tools.gcab(tree, dir.resolve("one-folder.cab"), true);
    }

    @Test
    void entriesReadInOrderForwardAndBackwardGiveTheFilesBytes() throws Exception {
        try (Cabinet cabinet = Cabinet.open(cab)) {
            assertEquals(1, cabinet.folderCount());
            List<CabEntry> entries = cabinet.entries();
            assertEquals(FILES, entries.size());
            for (CabEntry entry : entries) {
                assertArrayEquals(Files.readAllBytes(tree.resolve(entry.name())), read(cabinet, entry), entry.name());
            }
            for (CabEntry entry : entries.reversed().subList(0, 20)) { // behind the parked reader: from the start
                assertArrayEquals(Files.readAllBytes(tree.resolve(entry.name())), read(cabinet, entry), entry.name());
            }
            // Half-read streams, then one entry skipped: the next stream still lands on its own bytes.
            try (InputStream partly = cabinet.openEntry(entries.get(10))) {
                partly.readNBytes(123);
            }
            assertArrayEquals(Files.readAllBytes(tree.resolve(entries.get(12).name())), read(cabinet, entries.get(12)));
        }
    }

    @Test
    void readingEveryEntryInOrderCostsAboutOnePassOverTheFolder() throws Exception {
        try (Cabinet cabinet = Cabinet.open(cab)) {
            List<CabEntry> entries = cabinet.entries();
            CabEntry last = entries.get(entries.size() - 1);
            read(cabinet, last); // warm-up
            List<Long> onePass = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                cabinet.readEntry(last.name(), Long.MAX_VALUE); // a fresh stream: decodes the whole folder once
                onePass.add(System.nanoTime() - start);
            }
            long pass = onePass.stream().sorted().toList().get(1);
            long start = System.nanoTime();
            for (CabEntry entry : entries) {
                read(cabinet, entry);
            }
            long inOrder = System.nanoTime() - start;
            // Decoding from the start for each entry would cost about FILES / 2 = 200 passes.
            assertTrue(inOrder < 25 * pass, "reading " + FILES + " entries in order took " + inOrder / 1_000_000
                    + " ms, one pass over the folder " + pass / 1_000_000 + " ms");
        }
    }

    private static byte[] read(Cabinet cabinet, CabEntry entry) throws Exception {
        try (InputStream in = cabinet.openEntry(entry)) {
            return in.readAllBytes();
        }
    }
}
