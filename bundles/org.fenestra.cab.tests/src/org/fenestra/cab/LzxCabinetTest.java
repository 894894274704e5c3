package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.fenestra.cab.errors.CorruptCabinetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * LZX cabinets written in the test set-up (our LZX compressor in CAB framing, and a hand-coded
 * stream whose matches and blocks cross frames): cabextract accepts them and gives the bytes we do.
 */
class LzxCabinetTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Tools.assumePresent();
    }

    /** Text, x86 code with E8 calls, random (stored as uncompressed blocks) and a short odd tail. */
    private static byte[] folderData(long seed) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(Trees.mixed(seed, 150_000));
        b.writeBytes(LzxFolders.x86Like(seed, 120_000));
        byte[] random = new byte[70_000];
        new Random(seed).nextBytes(random);
        b.writeBytes(random);
        b.writeBytes(Trees.mixed(seed + 1, 33));
        return b.toByteArray();
    }

    @ParameterizedTest(name = "window 2^{0}, E8 size {1}")
    @CsvSource({"15,0", "15,12000000", "16,12000000", "17,0", "21,12000000", "21,200000"})
    void compressedByUsReadByCabextractAndUs(int windowOrder, int e8) throws Exception {
        byte[] data = folderData(windowOrder + e8);
        CabBuilder.Folder folder = LzxFolders.compress(data, windowOrder, e8);
        CabBuilder b = new CabBuilder().folder(folder.typeCompress(), folder.blocks());
        int[] cuts = {0, 1, 5000, 100_000, 150_000, 270_000, 300_000, data.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            b.file("dir\\part" + i + ".bin", cuts[i + 1] - cuts[i], cuts[i], 0);
        }
        Path cab = b.write(dir.resolve("lzx.cab"));
        Path theirs = Tools.cabextract(cab, dir.resolve("theirs"));
        try (Cabinet c = Cabinet.open(cab)) {
            c.extractAll(dir.resolve("ours"), CabProgress.NONE);
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 150_000, 270_000), c.readEntry("DIR/part4.bin", 1 << 20));
        }
        Trees.assertSameTree(theirs, dir.resolve("ours"));
        for (int i = 0; i + 1 < cuts.length; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(data, cuts[i], cuts[i + 1]),
                    Files.readAllBytes(dir.resolve("ours/dir/part" + i + ".bin")), "part" + i);
        }
    }

    @ParameterizedTest(name = "window 2^{0}")
    @CsvSource({"15", "16", "21"})
    void handCodedStreamWithCrossFrameMatchesAndBlocks(int windowOrder) throws Exception {
        HandLzx.Stream s = HandLzx.crossFrameStream(windowOrder, 7);
        Path cab = new CabBuilder().folder(LzxFolders.typeCompress(windowOrder), s.blocks())
                .file("x.bin", s.data().length, 0, 0).write(dir.resolve("hand.cab"));
        Path theirs = Tools.cabextract(cab, dir.resolve("theirs"));
        assertArrayEquals(s.data(), Files.readAllBytes(theirs.resolve("x.bin")), "cabextract");
        try (Cabinet c = Cabinet.open(cab)) {
            assertArrayEquals(s.data(), c.readEntry("x.bin", 1 << 22), "ours");
        }
    }

    @Test
    void lzxAndMszipFoldersSideBySide() throws Exception {
        Path tree = Trees.typical(dir.resolve("tree"), 4, 90_000);
        List<CabBuilder.FileRecord> gcabFiles = new java.util.ArrayList<>();
        CabBuilder.Folder mszip = CabBuilder.gcabFolder(Tools.gcab(tree, dir.resolve("z.cab"), true), gcabFiles, 1);
        byte[] data = folderData(99);
        CabBuilder.Folder lzx = LzxFolders.compress(data, 21, 12_000_000);
        CabBuilder b = new CabBuilder().reserve(0, 4, 8).folder(lzx.typeCompress(), lzx.blocks())
                .folder(mszip.typeCompress(), mszip.blocks()).file("lzx.bin", data.length, 0, 0);
        gcabFiles.forEach(f -> b.file(new CabBuilder.FileRecord("z\\" + f.name(), f.size(), f.folderOffset(), 1,
                f.date(), f.time(), f.attributes())));
        Path cab = b.write(dir.resolve("both.cab"));
        Path theirs = Tools.cabextract(cab, dir.resolve("theirs"));
        try (Cabinet c = Cabinet.open(cab)) {
            c.extractAll(dir.resolve("ours"), CabProgress.NONE);
        }
        Trees.assertSameTree(theirs, dir.resolve("ours"));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("ours/lzx.bin")));
        Trees.assertSameTree(tree, dir.resolve("ours/z"));
    }

    @Test
    void corruptLzxDataIsATypedError() throws Exception {
        byte[] data = folderData(5);
        CabBuilder.Folder folder = LzxFolders.compress(data, 16, 12_000_000);
        List<CabBuilder.Block> blocks = new java.util.ArrayList<>(folder.blocks());
        byte[] bad = blocks.get(2).data().clone();
        for (int i = 0; i < bad.length; i += 7) {
            bad[i] ^= (byte) 0x5A;
        }
        blocks.set(2, new CabBuilder.Block(bad, blocks.get(2).uncompressedSize()));
        // Checksums are written for the damaged data: only the decoder can find the damage.
        Path cab = new CabBuilder().folder(folder.typeCompress(), blocks).file("x.bin", data.length, 0, 0)
                .write(dir.resolve("bad.cab"));
        try (Cabinet c = Cabinet.open(cab)) {
            CorruptCabinetException e = assertThrows(CorruptCabinetException.class,
                    () -> c.readEntry("x.bin", 1 << 20));
            assertTrue(e.getMessage().contains(cab.toString()) && e.getMessage().contains("LZX"), e.getMessage());
        }
    }
}
