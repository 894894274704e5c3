package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.read.KeyView;
import org.junit.jupiter.api.Test;

/** Broken hives give typed errors naming the offset; never an unchecked exception, a hang or OOM. */
class CorruptHiveTest {
    private static byte[] sample() throws Exception {
        Hive hive = Hive.create("ROOT");
        try (HiveEdit edit = hive.edit()) {
            edit.createKey("A\\B\\C");
            edit.createKey("A\\B2");
            edit.setValue("A\\B", RegistryValue.string("s", "text"));
            edit.setValue("A\\B", RegistryValue.binary("big", new byte[40_000]));
            edit.setValue("A", RegistryValue.dword("d", 7));
            edit.commitTo(java.nio.file.Files.createTempFile("sample", ".hive"));
        }
        return hive.toBytes();
    }

    private static int cell(byte[] hive, String path) throws Exception {
        return ((KeyView) Hive.read(hive).key(path).orElseThrow()).cell();
    }

    private static void put32(byte[] bytes, int pos, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(pos, value);
    }

    private static int get32(byte[] bytes, int pos) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
    }

    @Test
    void truncatedHive() throws Exception {
        byte[] hive = sample();
        CorruptHiveException e = assertThrows(CorruptHiveException.class,
            () -> Hive.read(Arrays.copyOf(hive, hive.length - 5000)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(hive.length - 5000, e.offset());
        assertThrows(CorruptHiveException.class, () -> Hive.read(Arrays.copyOf(hive, 100)));
    }

    @Test
    void badChecksum() throws Exception {
        byte[] hive = sample();
        hive[BaseBlock.FILE_NAME] ^= 1;
        CorruptHiveException e = assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertEquals(BaseBlock.CHECKSUM, e.offset());
    }

    @Test
    void cellPointingOutside() throws Exception {
        byte[] hive = sample();
        int a = cell(hive, "A");
        put32(hive, Cells.data(a) + KeyNode.SUBKEY_LIST, 0x7FFF_FF00);
        CorruptHiveException e = assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
        assertTrue(e.getMessage().contains("does not point to an allocated cell"), e.getMessage());
        assertEquals(Cells.data(a) + KeyNode.SUBKEY_LIST, e.offset());
    }

    @Test
    void valueDataPointingIntoAnotherCell() throws Exception {
        byte[] hive = sample();
        int a = cell(hive, "A\\B");
        int values = get32(hive, Cells.data(a) + KeyNode.VALUE_LIST);
        int vk = get32(hive, Cells.data(values));
        put32(hive, Cells.data(vk) + 8, get32(hive, Cells.data(vk) + 8) + 8); // into the middle of its data cell
        assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
    }

    @Test
    void subkeyListCycle() throws Exception {
        byte[] hive = sample();
        int a = cell(hive, "A");
        int b = cell(hive, "A\\B");
        int list = get32(hive, Cells.data(b) + KeyNode.SUBKEY_LIST);
        put32(hive, Cells.data(list) + 4, a); // B's only subkey is now A, its own parent
        CorruptHiveException e = assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void subkeyCountLargerThanItsList() throws Exception {
        byte[] hive = sample();
        put32(hive, Cells.data(cell(hive, "A")) + KeyNode.SUBKEY_COUNT, Integer.MAX_VALUE);
        assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
    }

    @Test
    void badBinSignatureAndNotAHive() throws Exception {
        byte[] hive = sample();
        hive[BaseBlock.SIZE] = 'x';
        CorruptHiveException e = assertThrows(CorruptHiveException.class, () -> Hive.read(hive));
        assertEquals(BaseBlock.SIZE, e.offset());
        byte[] text = new byte[8192];
        Arrays.fill(text, (byte) 'a');
        assertThrows(CorruptHiveException.class, () -> Hive.read(text));
    }

    /** Thousands of random damages: each is a clean hive read whole, or a HiveException. */
    @Test
    void randomDamageGivesOnlyTypedErrors() throws Exception {
        byte[] original = sample();
        Random random = new Random(42);
        int rejected = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] hive = original.clone();
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                int pos = random.nextInt(10) == 0 ? random.nextInt(512) : BaseBlock.SIZE + random.nextInt(hive.length - BaseBlock.SIZE);
                hive[pos] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(256));
            }
            if (random.nextInt(4) == 0) {
                // Keep the base block's checksum right so the damage reaches the bins.
                put32(hive, BaseBlock.CHECKSUM, 0);
                int x = 0;
                for (int i = 0; i < BaseBlock.CHECKSUM; i += 4) {
                    x ^= get32(hive, i);
                }
                put32(hive, BaseBlock.CHECKSUM, x == 0 ? 1 : x == -1 ? -2 : x);
            }
            try {
                Hive read = Hive.read(hive);
                RegFile.export(read.root(), "", new StringWriter());
                try (HiveEdit edit = read.edit()) {
                    edit.createKey("New\\Key");
                    edit.setValue("New\\Key", RegistryValue.dword("x", 1));
                    edit.deleteKey("A");
                }
            } catch (HiveException e) {
                rejected++;
            }
        }
        assertTrue(rejected > 100, "most damage is found: " + rejected);
    }
}
