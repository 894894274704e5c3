package org.fenestra.registry.internal.read;

import java.util.Arrays;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.format.Names;
import org.fenestra.registry.internal.format.SecurityKey;
import org.fenestra.registry.internal.format.SubkeyList;
import org.fenestra.registry.internal.format.ValueKey;

/**
 * A hive's bytes and the structures in them, read on demand. The reads are bounds-checked; a
 * hive from outside goes through {@link HiveValidator} first, so that every structure reachable
 * from the root is known to be sound (and the tree to be a tree) before any view walks it.
 */
public final class HiveImage {
    private final HiveBytes bytes;

    public HiveImage(HiveBytes bytes) {
        this.bytes = bytes;
    }

    public HiveBytes bytes() {
        return bytes;
    }

    public int minorVersion() throws CorruptHiveException {
        return bytes.i32(BaseBlock.MINOR_VERSION);
    }

    public int rootCell() throws CorruptHiveException {
        return bytes.i32(BaseBlock.ROOT_CELL);
    }

    /** Data length of an allocated cell (its size minus the size field). */
    public int cellLength(int cell) throws CorruptHiveException {
        int size = bytes.i32(Cells.pos(cell));
        if (size >= 0 || size == Integer.MIN_VALUE) {
            throw new CorruptHiveException("cell 0x" + Integer.toHexString(cell) + " is not allocated", Cells.pos(cell));
        }
        return -size - 4;
    }

    public int keyField(int nk, int field) throws CorruptHiveException {
        return bytes.i32(Cells.data(nk) + field);
    }

    public String keyName(int nk) throws CorruptHiveException {
        int pos = Cells.data(nk);
        int length = bytes.u16(pos + KeyNode.NAME_LENGTH);
        bytes.check(pos + KeyNode.NAME, length, "key name");
        boolean compressed = (bytes.u16(pos + KeyNode.FLAGS) & KeyNode.FLAG_COMPRESSED_NAME) != 0;
        return Names.decode(bytes.array(), pos + KeyNode.NAME, length, compressed);
    }

    public long lastWritten(int nk) throws CorruptHiveException {
        return bytes.i64(Cells.data(nk) + KeyNode.LAST_WRITTEN);
    }

    /** The class name, or null. */
    public String className(int nk) throws CorruptHiveException {
        int pos = Cells.data(nk);
        int length = bytes.u16(pos + KeyNode.CLASS_LENGTH);
        int cell = bytes.i32(pos + KeyNode.CLASS_NAME);
        if (length == 0 || cell == Cells.NONE) {
            return null;
        }
        bytes.check(Cells.data(cell), length, "class name");
        return Names.decode(bytes.array(), Cells.data(cell), length, false);
    }

    /** The security descriptor, or null. */
    public byte[] securityDescriptor(int nk) throws CorruptHiveException {
        int sk = keyField(nk, KeyNode.SECURITY);
        if (sk == Cells.NONE) {
            return null;
        }
        int pos = Cells.data(sk);
        return bytes.bytes(pos + SecurityKey.DESCRIPTOR, bytes.i32(pos + SecurityKey.DESCRIPTOR_SIZE));
    }

    /** The key's subkey cells, in list order (ri lists flattened). */
    public int[] subkeys(int nk) throws CorruptHiveException {
        int count = keyField(nk, KeyNode.SUBKEY_COUNT);
        if (count == 0) {
            return new int[0];
        }
        return subkeyList(keyField(nk, KeyNode.SUBKEY_LIST), null);
    }

    /**
     * Entries of a subkey list cell; {@code check} (may be null) vets every cell offset met,
     * so the validator can use the same walk.
     */
    int[] subkeyList(int list, CellCheck check) throws CorruptHiveException {
        int pos = Cells.data(list);
        if (check != null) {
            check.cell(list, 4, "subkey list", Cells.pos(list));
        }
        if (bytes.hasSignature(pos, "ri")) {
            int leaves = bytes.u16(pos + SubkeyList.COUNT);
            requireEntries(list, leaves, 4, check);
            int[] all = new int[0];
            int n = 0;
            for (int i = 0; i < leaves; i++) {
                int leaf = bytes.i32(pos + SubkeyList.ENTRIES + 4 * i);
                if (check != null) {
                    check.cell(leaf, 4, "subkey list leaf", pos + SubkeyList.ENTRIES + 4 * i);
                }
                if (bytes.hasSignature(Cells.data(leaf), "ri")) {
                    throw new CorruptHiveException("an ri subkey list lists another ri list", Cells.data(leaf));
                }
                int[] entries = leafEntries(leaf, check);
                if (n + entries.length > all.length) {
                    all = Arrays.copyOf(all, Math.max(n + entries.length, all.length * 2));
                }
                System.arraycopy(entries, 0, all, n, entries.length);
                n += entries.length;
            }
            return n == all.length ? all : Arrays.copyOf(all, n);
        }
        return leafEntries(list, check);
    }

    private int[] leafEntries(int list, CellCheck check) throws CorruptHiveException {
        int pos = Cells.data(list);
        int stride;
        if (bytes.hasSignature(pos, "lh") || bytes.hasSignature(pos, "lf")) {
            stride = 8;
        } else if (bytes.hasSignature(pos, "li")) {
            stride = 4;
        } else {
            throw new CorruptHiveException("subkey list cell 0x" + Integer.toHexString(list)
                + " has no lf/lh/li/ri signature", pos);
        }
        int count = bytes.u16(pos + SubkeyList.COUNT);
        requireEntries(list, count, stride, check);
        int[] entries = new int[count];
        for (int i = 0; i < count; i++) {
            entries[i] = bytes.i32(pos + SubkeyList.ENTRIES + stride * i);
        }
        return entries;
    }

    private void requireEntries(int list, int count, int stride, CellCheck check) throws CorruptHiveException {
        int needed = SubkeyList.ENTRIES + count * stride;
        if (check != null && needed > cellLength(list)) {
            throw new CorruptHiveException("subkey list of " + count + " entries does not fit its cell of "
                + cellLength(list) + " bytes", Cells.pos(list));
        }
        bytes.check(Cells.data(list), needed, "subkey list");
    }

    /** The key's value cells, in list order. */
    public int[] values(int nk) throws CorruptHiveException {
        int count = keyField(nk, KeyNode.VALUE_COUNT);
        if (count == 0) {
            return new int[0];
        }
        int pos = Cells.data(keyField(nk, KeyNode.VALUE_LIST));
        bytes.check(pos, count * 4L > Integer.MAX_VALUE ? -1 : count * 4, "value list");
        int[] cells = new int[count];
        for (int i = 0; i < count; i++) {
            cells[i] = bytes.i32(pos + 4 * i);
        }
        return cells;
    }

    public String valueName(int vk) throws CorruptHiveException {
        int pos = Cells.data(vk);
        int length = bytes.u16(pos + ValueKey.NAME_LENGTH);
        bytes.check(pos + ValueKey.NAME, length, "value name");
        boolean compressed = (bytes.u16(pos + ValueKey.FLAGS) & ValueKey.FLAG_COMPRESSED_NAME) != 0;
        return Names.decode(bytes.array(), pos + ValueKey.NAME, length, compressed);
    }

    public int valueType(int vk) throws CorruptHiveException {
        return bytes.i32(Cells.data(vk) + ValueKey.TYPE);
    }

    /** Size of the value's data in bytes. */
    public int valueSize(int vk) throws CorruptHiveException {
        int size = bytes.i32(Cells.data(vk) + ValueKey.DATA_SIZE);
        return (size & ValueKey.INLINE_DATA) != 0 ? size & ~ValueKey.INLINE_DATA : size;
    }

    public boolean isInline(int vk) throws CorruptHiveException {
        return (bytes.i32(Cells.data(vk) + ValueKey.DATA_SIZE) & ValueKey.INLINE_DATA) != 0;
    }

    /** Whether the value's data lives in a big data ("db") cell and its segments. */
    public boolean isBigData(int vk) throws CorruptHiveException {
        if (isInline(vk)) {
            return false;
        }
        int size = valueSize(vk);
        int cell = bytes.i32(Cells.data(vk) + ValueKey.DATA);
        return size > ValueKey.BIG_DATA_SEGMENT && minorVersion() >= ValueKey.BIG_DATA_MINOR_VERSION
            && bytes.hasSignature(Cells.data(cell), "db") && cellLength(cell) < size;
    }

    public byte[] valueData(int vk) throws CorruptHiveException {
        int pos = Cells.data(vk);
        int size = valueSize(vk);
        if (isInline(vk)) {
            if (size > 4) {
                throw new CorruptHiveException("inline value data of " + size + " bytes (at most 4 fit)", pos);
            }
            return bytes.bytes(pos + ValueKey.DATA, size);
        }
        if (size == 0) {
            return new byte[0];
        }
        int cell = bytes.i32(pos + ValueKey.DATA);
        if (isBigData(vk)) {
            byte[] data = new byte[size];
            int[] segments = bigDataSegments(cell);
            int done = 0;
            for (int segment : segments) {
                int n = Math.min(size - done, ValueKey.BIG_DATA_SEGMENT);
                if (n <= 0) {
                    break;
                }
                bytes.check(Cells.data(segment), n, "big data segment");
                System.arraycopy(bytes.array(), Cells.data(segment), data, done, n);
                done += n;
            }
            if (done != size) {
                throw new CorruptHiveException("big data segments hold " + done + " of " + size + " bytes", Cells.data(cell));
            }
            return data;
        }
        if (cellLength(cell) < size) {
            throw new CorruptHiveException("value data of " + size + " bytes in a cell of " + cellLength(cell),
                Cells.pos(cell));
        }
        return bytes.bytes(Cells.data(cell), size);
    }

    /** The segment cells of a db cell. */
    public int[] bigDataSegments(int db) throws CorruptHiveException {
        int pos = Cells.data(db);
        int count = bytes.u16(pos + 2);
        int list = bytes.i32(pos + 4);
        bytes.check(Cells.data(list), count * 4, "big data segment list");
        int[] segments = new int[count];
        for (int i = 0; i < count; i++) {
            segments[i] = bytes.i32(Cells.data(list) + 4 * i);
        }
        return segments;
    }

    /** Vets a cell offset read from a field at {@code referrer}; used while validating. */
    interface CellCheck {
        int cell(int cell, int minLength, String what, int referrer) throws CorruptHiveException;
    }
}
