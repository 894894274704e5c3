package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fenestra.cab.errors.CabException;
import org.fenestra.cab.errors.CorruptCabinetException;
import org.fenestra.cab.errors.UnsafeEntryNameException;
import org.fenestra.cab.errors.UnsupportedCabinetException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad cabinets: each gives its typed error naming the file, and extraction writes nothing
 * under a real name that is not complete and right.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private byte[] good;
    private Path target;

    @BeforeEach
    void goodCabinet() throws Exception {
        Tools.assumePresent();
        Path tree = dir.resolve("tree");
        Trees.write(tree, "only.bin", Trees.mixed(7, 200_000));
        good = Files.readAllBytes(Tools.gcab(tree, dir.resolve("good.cab"), true));
        target = dir.resolve("out");
    }

    private Path variant(String name, Consumer<ByteBuffer> change) throws IOException {
        byte[] copy = good.clone();
        change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return Files.write(dir.resolve(name), copy);
    }

    private <T extends CabException> T openFails(Class<T> type, Path cab) {
        T e = assertThrows(type, () -> Cabinet.open(cab).close());
        assertTrue(e.getMessage().contains(cab.toString()), e.getMessage());
        return e;
    }

    private <T extends CabException> T extractFails(Class<T> type, Path cab) throws IOException {
        try (Cabinet c = Cabinet.open(cab)) {
            T e = assertThrows(type, () -> c.extractAll(target, CabProgress.NONE));
            assertTrue(e.getMessage().contains(cab.toString()), e.getMessage());
            assertNothingWritten();
            return e;
        }
    }

    private void assertNothingWritten() throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> s = Files.walk(target)) {
                assertEquals(List.of(target), s.toList(), "nothing may be left in the target");
            }
        }
    }

    @Test
    void goodCabinetExtracts() throws Exception {
        try (Cabinet c = Cabinet.open(dir.resolve("good.cab"))) {
            c.extractAll(target, CabProgress.NONE);
        }
        Trees.assertSameTree(dir.resolve("tree"), target);
    }

    @ParameterizedTest(name = "first {0} bytes")
    @ValueSource(ints = {0, 10, 36, 60, 1000, 100_000})
    void truncatedCabinet(int length) throws Exception {
        Path cab = Files.write(dir.resolve("truncated.cab"), java.util.Arrays.copyOf(good, length));
        openFails(CorruptCabinetException.class, cab);
    }

    @Test
    void truncatedDataWithMatchingHeaderSize() throws Exception {
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 5000);
        ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN).putInt(8, cut.length);
        CorruptCabinetException e = extractFails(CorruptCabinetException.class,
                Files.write(dir.resolve("cut.cab"), cut));
        assertTrue(e.getMessage().contains("past the end"), e.getMessage());
    }

    @Test
    void badChecksum() throws Exception {
        int dataOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(36);
        Path cab = variant("checksum.cab", b -> b.put(dataOffset + 8 + 3000, (byte) (b.get(dataOffset + 8 + 3000) ^ 0x10)));
        CorruptCabinetException e = extractFails(CorruptCabinetException.class, cab);
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertEquals(dataOffset, e.offset());
    }

    @Test
    void corruptDeflateDataWithoutChecksum() throws Exception {
        int dataOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(36);
        Path cab = variant("nosum.cab", b -> {
            b.putInt(dataOffset, 0);
            for (int i = 0; i < 200; i++) {
                b.put(dataOffset + 8 + 2 + i, (byte) 0xFF);
            }
        });
        extractFails(CorruptCabinetException.class, cab);
    }

    @ParameterizedTest(name = "typeCompress 0x{0}")
    @ValueSource(ints = {0x0002, 0x0F12, 0x0004, 0x000F})
    void unsupportedCompression(int type) throws Exception {
        Path cab = variant("type.cab", b -> b.putShort(42, (short) type));
        openFails(UnsupportedCabinetException.class, cab);
    }

    @Test
    void lzxWindowOutOfRange() throws Exception {
        openFails(CorruptCabinetException.class, variant("window.cab", b -> b.putShort(42, (short) 0x1603)));
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(ints = {1, 2, 3})
    void multiCabinetSet(int flags) throws Exception {
        UnsupportedCabinetException e = openFails(UnsupportedCabinetException.class,
                variant("set.cab", b -> b.putShort(30, (short) flags)));
        assertTrue(e.getMessage().contains("multi-cabinet"), e.getMessage());
    }

    @Test
    void continuedFile() throws Exception {
        int filesOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        openFails(UnsupportedCabinetException.class, variant("cont.cab", b -> b.putShort(filesOffset + 8, (short) 0xFFFD)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..\\evil.txt", "a\\..\\..\\evil.txt", "\\abs.txt", "/abs.txt", "C:\\evil.txt", "c:evil.txt",
        "..", ".\\."})
    void unsafeNames(String name) throws Exception {
        List<CabBuilder.Block> blocks = List.of(new CabBuilder.Block(new byte[] {1, 2, 3, 4}, 4));
        Path cab = new CabBuilder().folder(0, blocks).file("fine.txt", 2, 0, 0).file(name, 2, 2, 0)
                .write(dir.resolve("unsafe.cab"));
        UnsafeEntryNameException e = extractFails(UnsafeEntryNameException.class, cab);
        assertEquals(name, e.entryName());
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void filesOffsetOutsideTheCabinet() throws Exception {
        openFails(CorruptCabinetException.class, variant("files.cab", b -> b.putInt(16, good.length + 100)));
        openFails(CorruptCabinetException.class, variant("files2.cab", b -> b.putInt(16, 10)));
    }

    @Test
    void folderDataOffsetOutsideTheCabinet() throws Exception {
        openFails(CorruptCabinetException.class, variant("data.cab", b -> b.putInt(36, 0x7FFF_FFF0)));
    }

    @Test
    void folderDataOffsetInsideButWrong() throws Exception {
        // Points the folder at the file records: the "block" read there is garbage.
        int filesOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        extractFails(CorruptCabinetException.class, variant("wrong.cab", b -> b.putInt(36, filesOffset)));
    }

    @Test
    void tooManyFoldersForTheFile() throws Exception {
        openFails(CorruptCabinetException.class, variant("folders.cab", b -> b.putShort(26, (short) 0xFFFF)));
    }

    @Test
    void fileInAFolderThatDoesNotExist() throws Exception {
        int filesOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        openFails(CorruptCabinetException.class, variant("nofolder.cab", b -> b.putShort(filesOffset + 8, (short) 3)));
    }

    @Test
    void fileLargerThanItsFolder() throws Exception {
        int filesOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        openFails(CorruptCabinetException.class, variant("huge.cab", b -> b.putInt(filesOffset, 0x7FFF_0000)));
        // Within what the blocks could hold, past what they do hold: found while reading.
        extractFails(CorruptCabinetException.class, variant("bigger.cab", b -> b.putInt(filesOffset, 200_001)));
    }

    @Test
    void unterminatedName() throws Exception {
        int filesOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        openFails(CorruptCabinetException.class, variant("name.cab", b -> {
            for (int i = filesOffset + 16; i < b.capacity(); i++) {
                b.put(i, (byte) 'x');
            }
        }));
    }

    @Test
    void notACabinet() throws Exception {
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        openFails(CorruptCabinetException.class, Files.write(dir.resolve("junk.cab"), junk));
        openFails(CorruptCabinetException.class, Files.write(dir.resolve("empty.cab"), new byte[0]));
    }

    @Test
    void blockSizesThatCannotBe() throws Exception {
        int dataOffset = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(36);
        extractFails(CorruptCabinetException.class, variant("uncomp.cab", b -> b.putShort(dataOffset + 6, (short) 40000)));
        extractFails(CorruptCabinetException.class, variant("zero.cab", b -> b.putShort(dataOffset + 6, (short) 0)));
    }
}
