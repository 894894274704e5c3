package org.fenestra.registry.internal.write;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.format.Names;
import org.fenestra.registry.internal.format.SecurityKey;

/**
 * The bytes of an empty hive: a base block (version 1.5, as Windows XP to 11 read and write
 * with big data cells) and one bin holding the root key and its security key.
 */
public final class NewHive {
    private static final int MINOR_VERSION = 5;
    private static final int KEY_ALL_ACCESS = 0xF003F;
    private static final int KEY_READ = 0x20019;

    private NewHive() {
    }

    public static HiveBytes create(String rootName) throws CorruptHiveException {
        byte[] name = Names.encode(rootName);
        if (rootName.isEmpty() || rootName.contains("\\") || name.length > 255 * 2) {
            throw new IllegalArgumentException("a root key name is 1 to 255 characters without \\");
        }
        byte[] descriptor = defaultDescriptor();
        int binSize = Cells.BIN_ALIGN;
        while (Cells.BIN_HEADER + Cells.sizeFor(KeyNode.NAME + name.length)
            + Cells.sizeFor(SecurityKey.DESCRIPTOR + descriptor.length) > binSize) {
            binSize += Cells.BIN_ALIGN;
        }
        HiveBytes bytes = new HiveBytes(new byte[BaseBlock.SIZE + binSize], BaseBlock.SIZE + binSize);
        bytes.putAscii(0, "regf");
        bytes.put32(BaseBlock.PRIMARY_SEQUENCE, 1);
        bytes.put32(BaseBlock.SECONDARY_SEQUENCE, 1);
        bytes.put64(BaseBlock.LAST_WRITTEN, HiveEditor.now());
        bytes.put32(BaseBlock.MAJOR_VERSION, 1);
        bytes.put32(BaseBlock.MINOR_VERSION, MINOR_VERSION);
        bytes.put32(BaseBlock.FILE_TYPE, BaseBlock.TYPE_PRIMARY);
        bytes.put32(BaseBlock.FILE_FORMAT, 1);
        bytes.put32(BaseBlock.BINS_SIZE, binSize);
        bytes.put32(BaseBlock.CLUSTERING, 1);
        byte[] fileName = rootName.getBytes(StandardCharsets.UTF_16LE);
        bytes.put(BaseBlock.FILE_NAME, java.util.Arrays.copyOf(fileName, Math.min(fileName.length, BaseBlock.FILE_NAME_SIZE - 2)));

        bytes.putAscii(Cells.pos(0), "hbin");
        bytes.put32(Cells.pos(0) + 8, binSize);
        bytes.put64(Cells.pos(0) + 20, HiveEditor.now());

        int rootCell = Cells.BIN_HEADER;
        int rootSize = Cells.sizeFor(KeyNode.NAME + name.length);
        int skCell = rootCell + rootSize;
        int skSize = Cells.sizeFor(SecurityKey.DESCRIPTOR + descriptor.length);
        int freeCell = skCell + skSize;
        bytes.put32(BaseBlock.ROOT_CELL, rootCell);

        bytes.put32(Cells.pos(rootCell), -rootSize);
        int nk = Cells.data(rootCell);
        bytes.putAscii(nk, "nk");
        bytes.put16(nk + KeyNode.FLAGS, KeyNode.FLAG_ROOT | KeyNode.FLAG_NO_DELETE
            | (Names.fitsLatin1(rootName) ? KeyNode.FLAG_COMPRESSED_NAME : 0));
        bytes.put64(nk + KeyNode.LAST_WRITTEN, HiveEditor.now());
        bytes.put32(nk + KeyNode.PARENT, 0);
        bytes.put32(nk + KeyNode.SUBKEY_LIST, Cells.NONE);
        bytes.put32(nk + KeyNode.VOLATILE_SUBKEY_LIST, Cells.NONE);
        bytes.put32(nk + KeyNode.VALUE_LIST, Cells.NONE);
        bytes.put32(nk + KeyNode.SECURITY, skCell);
        bytes.put32(nk + KeyNode.CLASS_NAME, Cells.NONE);
        bytes.put16(nk + KeyNode.NAME_LENGTH, name.length);
        bytes.put(nk + KeyNode.NAME, name);

        bytes.put32(Cells.pos(skCell), -skSize);
        int sk = Cells.data(skCell);
        bytes.putAscii(sk, "sk");
        bytes.put32(sk + SecurityKey.PREVIOUS, skCell);
        bytes.put32(sk + SecurityKey.NEXT, skCell);
        bytes.put32(sk + SecurityKey.REFERENCES, 1);
        bytes.put32(sk + SecurityKey.DESCRIPTOR_SIZE, descriptor.length);
        bytes.put(sk + SecurityKey.DESCRIPTOR, descriptor);

        if (freeCell < binSize) {
            bytes.put32(Cells.pos(freeCell), binSize - freeCell);
        }
        BaseBlock.writeChecksum(bytes);
        return bytes;
    }

    /**
     * Self-relative descriptor: owner Administrators, group SYSTEM, DACL giving SYSTEM and
     * Administrators full control and Everyone read, inherited by subkeys.
     */
    static byte[] defaultDescriptor() {
        byte[] system = sid(5, 18);
        byte[] admins = sid(5, 32, 544);
        byte[] everyone = sid(1, 0);
        ByteArrayOutputStream aces = new ByteArrayOutputStream();
        aces.writeBytes(ace(KEY_ALL_ACCESS, system));
        aces.writeBytes(ace(KEY_ALL_ACCESS, admins));
        aces.writeBytes(ace(KEY_READ, everyone));
        byte[] aceBytes = aces.toByteArray();
        int daclSize = 8 + aceBytes.length;
        int owner = 20;
        int group = owner + admins.length;
        int dacl = group + system.length;
        ByteBuffer sd = ByteBuffer.allocate(dacl + daclSize).order(ByteOrder.LITTLE_ENDIAN);
        sd.put((byte) 1).put((byte) 0).putShort((short) 0x8004).putInt(owner).putInt(group).putInt(0).putInt(dacl);
        sd.put(admins).put(system);
        sd.put((byte) 2).put((byte) 0).putShort((short) daclSize).putShort((short) 3).putShort((short) 0);
        sd.put(aceBytes);
        return sd.array();
    }

    private static byte[] ace(int mask, byte[] sid) {
        ByteBuffer ace = ByteBuffer.allocate(8 + sid.length).order(ByteOrder.LITTLE_ENDIAN);
        ace.put((byte) 0).put((byte) 0x02).putShort((short) (8 + sid.length)).putInt(mask).put(sid);
        return ace.array();
    }

    private static byte[] sid(int authority, int... subAuthorities) {
        ByteBuffer sid = ByteBuffer.allocate(8 + 4 * subAuthorities.length).order(ByteOrder.LITTLE_ENDIAN);
        sid.put((byte) 1).put((byte) subAuthorities.length);
        sid.put(new byte[] {0, 0, 0, 0, 0, (byte) authority});
        for (int s : subAuthorities) {
            sid.putInt(s);
        }
        return sid.array();
    }
}
