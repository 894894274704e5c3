package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.format.Names;
import org.fenestra.registry.internal.format.SubkeyList;
import org.fenestra.registry.internal.read.HiveImage;
import org.fenestra.registry.internal.read.KeyView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transactions, cell reuse, the lists Windows expects, sequence numbers. */
class HiveEditTest {
    @TempDir
    Path dir;

    private Hive newHive(Path file) throws IOException {
        Hive hive = Hive.create("ROOT");
        try (HiveEdit edit = hive.edit()) {
            edit.createKey("Software");
            edit.setValue("Software", RegistryValue.string("Kept", "yes"));
            edit.commitTo(file);
        }
        return hive;
    }

    private static int get32(byte[] b, int pos) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
    }

    @Test
    void closingWithoutCommitChangesNothing() throws Exception {
        Path file = dir.resolve("h");
        Hive hive = newHive(file);
        byte[] before = Files.readAllBytes(file);
        RegistryKey view = hive.root();
        try (HiveEdit edit = hive.edit()) {
            edit.deleteKey("Software");
            edit.createKey("Other");
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(hive.key("Software").isPresent());
        assertTrue(hive.key("Other").isEmpty());
        try (HiveEdit edit = hive.edit()) {
            edit.createKey("Other");
            edit.commit();
        }
        assertTrue(hive.key("Other").isPresent());
        assertTrue(view.subkey("Other").isEmpty(), "a view shows the hive as it was");
        assertThrows(IllegalStateException.class, () -> {
            HiveEdit edit = hive.edit();
            edit.close();
            edit.createKey("Late");
        });
    }

    @Test
    void failedCommitLeavesTheOldHive() throws Exception {
        Path file = dir.resolve("h");
        Hive hive = newHive(file);
        byte[] before = Files.readAllBytes(file);
        try (HiveEdit edit = hive.edit()) {
            edit.createKey("New");
            assertThrows(IOException.class, () -> edit.commitTo(dir.resolve("missing-dir/h")));
        }
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(hive.key("New").isEmpty());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void sequenceNumbersAdvanceTogetherAndTheChecksumIsRight() throws Exception {
        Path file = dir.resolve("h");
        Hive hive = newHive(file);
        int first = get32(Files.readAllBytes(file), BaseBlock.PRIMARY_SEQUENCE);
        for (int i = 0; i < 3; i++) {
            try (HiveEdit edit = hive.edit()) {
                edit.setValue("Software", RegistryValue.dword("n", i));
                edit.commit();
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(first + 3, get32(bytes, BaseBlock.PRIMARY_SEQUENCE));
        assertEquals(first + 3, get32(bytes, BaseBlock.SECONDARY_SEQUENCE));
        assertEquals(BaseBlock.checksum(new HiveBytes(bytes, bytes.length), 0), get32(bytes, BaseBlock.CHECKSUM));
        assertEquals(bytes.length - BaseBlock.SIZE, get32(bytes, BaseBlock.BINS_SIZE));
        assertEquals(2, Hive.open(file).key("software").orElseThrow().value("N").orElseThrow().asDword());
    }

    @Test
    void freedCellsAreReused() throws Exception {
        Path file = dir.resolve("h");
        Hive hive = newHive(file);
        Random random = new Random(7);
        long grownOnce = 0;
        for (int round = 0; round < 50; round++) {
            try (HiveEdit edit = hive.edit()) {
                for (int i = 0; i < 200; i++) {
                    edit.createKey("Tree\\k" + i + "\\sub");
                    byte[] data = new byte[random.nextInt(3000)];
                    edit.setValue("Tree\\k" + i, RegistryValue.binary("v", data));
                }
                edit.setValue("Software", RegistryValue.binary("big", new byte[50_000 + random.nextInt(1000)]));
                edit.commit();
            }
            try (HiveEdit edit = hive.edit()) {
                edit.deleteKey("Tree");
                edit.commit();
            }
            if (round == 1) {
                grownOnce = Files.size(file);
            }
        }
        assertTrue(Files.size(file) <= grownOnce * 3 / 2, "size " + Files.size(file) + " vs " + grownOnce);
        assertEquals(Hivex.dump(hive.root()), Hivex.dump(file));
    }

    @Test
    void subkeyListsAreSortedWithWindowsHashes() throws Exception {
        Path file = dir.resolve("h");
        Hive hive = newHive(file);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add((i % 3 == 0 ? "key_" : i % 3 == 1 ? "Key[" : "ÄKEY") + Integer.toString(i * 7919 % 3001, 36));
        }
        Collections.shuffle(names, new Random(3));
        try (HiveEdit edit = hive.edit()) {
            for (String name : names.subList(0, 10)) {
                edit.createKey("Few\\" + name);
            }
            for (String name : names) {
                edit.createKey("Many\\" + name);
            }
            edit.commit();
        }
        byte[] bytes = Files.readAllBytes(file);
        HiveImage image = new HiveImage(new HiveBytes(bytes, bytes.length));
        checkLeaf(image, bytes, ((KeyView) hive.key("Few").orElseThrow()).cell(), 10);
        int many = ((KeyView) hive.key("Many").orElseThrow()).cell();
        int ri = image.keyField(many, KeyNode.SUBKEY_LIST);
        assertEquals("ri", new String(bytes, Cells.data(ri), 2));
        int[] order = image.subkeys(many);
        assertEquals(3000, order.length);
        for (int i = 1; i < order.length; i++) {
            assertTrue(Names.compare(image.keyName(order[i - 1]), image.keyName(order[i])) < 0,
                image.keyName(order[i - 1]) + " before " + image.keyName(order[i]));
        }
        assertEquals(Hivex.dump(hive.root()), Hivex.dump(file));
    }

    private static void checkLeaf(HiveImage image, byte[] bytes, int key, int count) throws Exception {
        int list = image.keyField(key, KeyNode.SUBKEY_LIST);
        int pos = Cells.data(list);
        assertEquals("lh", new String(bytes, pos, 2));
        assertEquals(count, bytes[pos + 2] & 0xFF);
        String previous = null;
        for (int i = 0; i < count; i++) {
            int child = get32(bytes, pos + SubkeyList.ENTRIES + 8 * i);
            String name = image.keyName(child);
            int h = 0;
            for (char c : name.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                h = h * 37 + c;
            }
            assertEquals(h, get32(bytes, pos + SubkeyList.ENTRIES + 8 * i + 4), "lh hash of " + name);
            if (previous != null) {
                assertTrue(previous.toUpperCase(java.util.Locale.ROOT).compareTo(name.toUpperCase(java.util.Locale.ROOT)) < 0);
            }
            previous = name;
        }
    }

    @Test
    void wrongEditsAreTypedErrors() throws Exception {
        Hive hive = newHive(dir.resolve("h"));
        try (HiveEdit edit = hive.edit()) {
            assertThrows(HiveException.class, () -> edit.deleteKey(""));
            assertThrows(NoSuchKeyException.class, () -> edit.setValue("Missing", RegistryValue.dword("x", 1)));
            assertThrows(NoSuchKeyException.class, () -> edit.deleteValue("Missing", "x"));
            assertFalse(edit.deleteKey("Missing\\Too"));
            assertFalse(edit.deleteValue("Software", "absent"));
            assertTrue(edit.deleteValue("SOFTWARE", "KEPT"));
        }
        assertThrows(HiveException.class, () -> Hive.create("ROOT").edit().commit());
    }
}
