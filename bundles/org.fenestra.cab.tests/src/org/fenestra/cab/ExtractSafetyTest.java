package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.fenestra.cab.errors.CabCancelledException;
import org.fenestra.cab.errors.UnsafeEntryNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction never writes outside the target and leaves no partial file under a real name. */
class ExtractSafetyTest {

    @TempDir
    Path dir;

    private Path storedCab(String... names) throws Exception {
        CabBuilder b = new CabBuilder().folder(0, List.of(new CabBuilder.Block("0123456789".getBytes(), 10)));
        for (int i = 0; i < names.length; i++) {
            b.file(names[i], 2, 2L * i, 0);
        }
        return b.write(dir.resolve("t.cab"));
    }

    @Test
    void symbolicLinkFolderInTheTargetIsNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(target.resolve("link"), outside);
        Path cab = storedCab("ok.txt", "link\\x.txt");
        try (Cabinet c = Cabinet.open(cab)) {
            UnsafeEntryNameException e = assertThrows(UnsafeEntryNameException.class,
                    () -> c.extractAll(target, CabProgress.NONE));
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        }
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(0, s.count(), "nothing written through the link");
        }
    }

    @Test
    void symbolicLinkAtAFileNameIsReplacedNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep");
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(target.resolve("f.txt"), victim);
        try (Cabinet c = Cabinet.open(storedCab("f.txt"))) {
            c.extractAll(target, CabProgress.NONE);
        }
        assertEquals("keep", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(target.resolve("f.txt")));
        assertArrayEquals("01".getBytes(), Files.readAllBytes(target.resolve("f.txt")));
    }

    @Test
    void cancelledExtractionLeavesNoPartialFile() throws Exception {
        Path tree = dir.resolve("tree");
        Trees.write(tree, "big.bin", Trees.mixed(5, 1_000_000));
        CabBuilder b = new CabBuilder();
        byte[] data = Files.readAllBytes(tree.resolve("big.bin"));
        List<CabBuilder.Block> blocks = new java.util.ArrayList<>();
        for (int p = 0; p < data.length; p += 32768) {
            blocks.add(new CabBuilder.Block(java.util.Arrays.copyOfRange(data, p, Math.min(data.length, p + 32768)),
                    Math.min(32768, data.length - p)));
        }
        Path cab = b.folder(0, blocks).file("big.bin", data.length, 0, 0).write(dir.resolve("big.cab"));
        Path target = dir.resolve("target");
        AtomicBoolean sawBytes = new AtomicBoolean();
        CabProgress cancelMidway = new CabProgress() {
            @Override
            public void bytes(long done, long total) {
                sawBytes.set(done > 0 && done < total);
            }

            @Override
            public boolean isCancelled() {
                return sawBytes.get();
            }
        };
        try (Cabinet c = Cabinet.open(cab)) {
            assertThrows(CabCancelledException.class, () -> c.extractAll(target, cancelMidway));
        }
        try (Stream<Path> s = Files.walk(target)) {
            assertEquals(List.of(target), s.toList(), "no file, complete or partial, is left");
        }
        try (Cabinet c = Cabinet.open(cab)) {
            c.extractAll(target, CabProgress.NONE);
        }
        assertArrayEquals(data, Files.readAllBytes(target.resolve("big.bin")));
    }
}
