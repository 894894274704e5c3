package org.fenestra.registry.internal.read;

import java.util.BitSet;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.format.KeyNode;
import org.fenestra.registry.internal.format.SecurityKey;
import org.fenestra.registry.internal.format.ValueKey;

/**
 * Checks a hive from outside once, before anything reads it: the base block, every hbin and cell
 * boundary, then every structure reachable from the root key (each offset must name an allocated
 * cell, each length fit its cell) and that the keys form a tree (no key is reached twice, so no
 * cycle and no shared subtree can make a walk endless). Costs one pass over the hive.
 */
public final class HiveValidator {
    private final HiveImage image;
    private final HiveBytes bytes;
    private final BitSet allocated = new BitSet();

    private HiveValidator(HiveImage image) {
        this.image = image;
        this.bytes = image.bytes();
    }

    /** Validates a primary hive file's bytes whose base block is already known to be clean. */
    public static HiveImage validate(HiveBytes bytes) throws CorruptHiveException {
        HiveImage image = new HiveImage(bytes);
        new HiveValidator(image).run();
        return image;
    }

    private void run() throws CorruptHiveException {
        BaseBlock.verify(bytes, 0, "hive");
        int type = bytes.i32(BaseBlock.FILE_TYPE);
        if (type != BaseBlock.TYPE_PRIMARY) {
            throw new CorruptHiveException("file type " + type + " is not a primary hive (a transaction log?)",
                BaseBlock.FILE_TYPE);
        }
        int binsSize = bytes.i32(BaseBlock.BINS_SIZE);
        if (binsSize <= 0 || binsSize % Cells.BIN_ALIGN != 0) {
            throw new CorruptHiveException("hive bins size " + binsSize + " is not a positive multiple of 4096",
                BaseBlock.BINS_SIZE);
        }
        if ((long) BaseBlock.SIZE + binsSize > bytes.length()) {
            throw new CorruptHiveException("hive is truncated: its base block says " + (BaseBlock.SIZE + (long) binsSize)
                + " bytes, the file has " + bytes.length(), bytes.length());
        }
        walkBins(binsSize);
        walkKeys();
    }

    private void walkBins(int binsSize) throws CorruptHiveException {
        int bin = 0;
        while (bin < binsSize) {
            int pos = BaseBlock.SIZE + bin;
            if (!bytes.hasSignature(pos, "hbin")) {
                throw new CorruptHiveException("no \"hbin\" signature where a hive bin should start", pos);
            }
            if (bytes.i32(pos + 4) != bin) {
                throw new CorruptHiveException("hive bin says it is at 0x" + Integer.toHexString(bytes.i32(pos + 4))
                    + ", it is at 0x" + Integer.toHexString(bin), pos + 4);
            }
            int size = bytes.i32(pos + 8);
            if (size < Cells.BIN_ALIGN || size % Cells.BIN_ALIGN != 0 || size > binsSize - bin) {
                throw new CorruptHiveException("hive bin size " + size + " is not a multiple of 4096 inside the hive",
                    pos + 8);
            }
            int cell = bin + Cells.BIN_HEADER;
            int end = bin + size;
            while (cell < end) {
                int cellSize = bytes.i32(Cells.pos(cell));
                int length = cellSize == Integer.MIN_VALUE ? 0 : Math.abs(cellSize);
                if (length < 8 || length % 8 != 0 || length > end - cell) {
                    throw new CorruptHiveException("cell size " + cellSize + " does not fit its hive bin", Cells.pos(cell));
                }
                if (cellSize < 0) {
                    allocated.set(cell >>> 3);
                }
                cell += length;
            }
            bin = end;
        }
    }

    /** A cell offset read from the field at {@code referrer} must be an allocated cell of {@code minLength} data bytes. */
    private int cell(int cell, int minLength, String what, int referrer) throws CorruptHiveException {
        if (cell < 0 || (cell & 7) != 0 || !allocated.get(cell >>> 3)) {
            throw new CorruptHiveException(what + " offset 0x" + Integer.toHexString(cell)
                + " does not point to an allocated cell", referrer);
        }
        int length = image.cellLength(cell);
        if (length < minLength) {
            throw new CorruptHiveException(what + " cell of " + length + " bytes is too short", Cells.pos(cell));
        }
        return length;
    }

    private void walkKeys() throws CorruptHiveException {
        BitSet visited = new BitSet();
        int root = image.rootCell();
        int[] stack = new int[64];
        int depth = 0;
        checkKey(root, BaseBlock.ROOT_CELL);
        visited.set(root >>> 3);
        stack[depth++] = root;
        while (depth > 0) {
            int nk = stack[--depth];
            int pos = Cells.data(nk);
            if (image.keyField(nk, KeyNode.SUBKEY_COUNT) != 0) {
                int list = image.keyField(nk, KeyNode.SUBKEY_LIST);
                cell(list, 4, "subkey list", pos + KeyNode.SUBKEY_LIST);
                int[] children = image.subkeyList(list, this::cell);
                if (children.length != image.keyField(nk, KeyNode.SUBKEY_COUNT)) {
                    throw new CorruptHiveException("key says it has " + Integer.toUnsignedString(
                        image.keyField(nk, KeyNode.SUBKEY_COUNT)) + " subkeys, its list has " + children.length,
                        pos + KeyNode.SUBKEY_COUNT);
                }
                for (int child : children) {
                    checkKey(child, Cells.data(list));
                    if (visited.get(child >>> 3)) {
                        throw new CorruptHiveException("key 0x" + Integer.toHexString(child)
                            + " is listed twice (a cycle or a shared subtree)", Cells.pos(child));
                    }
                    visited.set(child >>> 3);
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                    }
                    stack[depth++] = child;
                }
            }
            checkValues(nk);
        }
    }

    private void checkKey(int nk, int referrer) throws CorruptHiveException {
        int length = cell(nk, KeyNode.NAME, "key", referrer);
        int pos = Cells.data(nk);
        if (!bytes.hasSignature(pos, "nk")) {
            throw new CorruptHiveException("key cell has no \"nk\" signature", pos);
        }
        if (bytes.u16(pos + KeyNode.NAME_LENGTH) > length - KeyNode.NAME) {
            throw new CorruptHiveException("key name does not fit its cell", pos + KeyNode.NAME_LENGTH);
        }
        int security = image.keyField(nk, KeyNode.SECURITY);
        if (security != Cells.NONE) {
            int skLength = cell(security, SecurityKey.DESCRIPTOR, "security key", pos + KeyNode.SECURITY);
            if (!bytes.hasSignature(Cells.data(security), "sk")) {
                throw new CorruptHiveException("security cell has no \"sk\" signature", Cells.data(security));
            }
            for (int link : new int[] {SecurityKey.PREVIOUS, SecurityKey.NEXT}) {
                int other = bytes.i32(Cells.data(security) + link);
                cell(other, SecurityKey.DESCRIPTOR, "security key link", Cells.data(security) + link);
                if (!bytes.hasSignature(Cells.data(other), "sk")) {
                    throw new CorruptHiveException("security key links to a cell that is not one", Cells.data(security) + link);
                }
            }
            int size = bytes.i32(Cells.data(security) + SecurityKey.DESCRIPTOR_SIZE);
            if (size < 0 || size > skLength - SecurityKey.DESCRIPTOR) {
                throw new CorruptHiveException("security descriptor does not fit its cell",
                    Cells.data(security) + SecurityKey.DESCRIPTOR_SIZE);
            }
        }
        int classLength = bytes.u16(pos + KeyNode.CLASS_LENGTH);
        int className = image.keyField(nk, KeyNode.CLASS_NAME);
        if (classLength > 0 && className != Cells.NONE) {
            cell(className, classLength, "class name", pos + KeyNode.CLASS_NAME);
        }
    }

    private void checkValues(int nk) throws CorruptHiveException {
        int pos = Cells.data(nk);
        int count = image.keyField(nk, KeyNode.VALUE_COUNT);
        if (count == 0) {
            return;
        }
        int list = image.keyField(nk, KeyNode.VALUE_LIST);
        int length = cell(list, 0, "value list", pos + KeyNode.VALUE_LIST);
        if (count < 0 || count > length / 4) {
            throw new CorruptHiveException("key says it has " + Integer.toUnsignedString(count)
                + " values, its value list holds " + length / 4, pos + KeyNode.VALUE_COUNT);
        }
        int[] values = image.values(nk);
        for (int i = 0; i < values.length; i++) {
            checkValue(values[i], Cells.data(list) + 4 * i);
        }
    }

    private void checkValue(int vk, int referrer) throws CorruptHiveException {
        int length = cell(vk, ValueKey.NAME, "value", referrer);
        int pos = Cells.data(vk);
        if (!bytes.hasSignature(pos, "vk")) {
            throw new CorruptHiveException("value cell has no \"vk\" signature", pos);
        }
        if (bytes.u16(pos + ValueKey.NAME_LENGTH) > length - ValueKey.NAME) {
            throw new CorruptHiveException("value name does not fit its cell", pos + ValueKey.NAME_LENGTH);
        }
        int size = image.valueSize(vk);
        if (image.isInline(vk)) {
            if (size > 4) {
                throw new CorruptHiveException("inline value data of " + size + " bytes (at most 4 fit)",
                    pos + ValueKey.DATA_SIZE);
            }
            return;
        }
        if (size == 0) {
            return;
        }
        int data = bytes.i32(pos + ValueKey.DATA);
        int dataLength = cell(data, 0, "value data", pos + ValueKey.DATA);
        if (image.isBigData(vk)) {
            int db = Cells.data(data);
            if (dataLength < 8) {
                throw new CorruptHiveException("big data cell is too short", Cells.pos(data));
            }
            int count = bytes.u16(db + 2);
            int list = bytes.i32(db + 4);
            cell(list, count * 4, "big data segment list", db + 4);
            long capacity = 0;
            int[] segments = image.bigDataSegments(data);
            for (int i = 0; i < segments.length; i++) {
                int segmentLength = cell(segments[i], 0, "big data segment", Cells.data(list) + 4 * i);
                capacity += Math.min(segmentLength, ValueKey.BIG_DATA_SEGMENT);
            }
            if (capacity < size) {
                throw new CorruptHiveException("big data segments hold " + capacity + " of " + size + " bytes", db);
            }
        } else if (dataLength < size) {
            throw new CorruptHiveException("value data of " + size + " bytes in a cell of " + dataLength,
                Cells.pos(data));
        }
    }
}
