package org.fenestra.registry.internal.write;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;

/**
 * Cells of a hive being edited: free cells are reused (smallest that fits, split when larger),
 * freed cells merge with a free cell that follows them in the same bin, and a new hive bin is
 * appended when nothing fits.
 */
final class CellAllocator {
    private final HiveBytes bytes;
    /** Free cells as (size << 32 | cell), so the smallest that fits is a ceiling lookup. */
    private final TreeSet<Long> free = new TreeSet<>();
    /** Bin start to bin end, relative to the first bin. */
    private final TreeMap<Integer, Integer> bins = new TreeMap<>();

    CellAllocator(HiveBytes bytes) throws CorruptHiveException {
        this.bytes = bytes;
        int end = bytes.i32(BaseBlock.BINS_SIZE);
        int bin = 0;
        while (bin < end) {
            int binEnd = bin + bytes.i32(Cells.pos(bin) + 8);
            bins.put(bin, binEnd);
            for (int cell = bin + Cells.BIN_HEADER; cell < binEnd;) {
                int size = bytes.i32(Cells.pos(cell));
                if (size > 0) {
                    free.add(key(size, cell));
                }
                cell += Math.abs(size);
            }
            bin = binEnd;
        }
    }

    /** Size of all the hive bins. */
    int binsSize() {
        return bins.isEmpty() ? 0 : bins.lastEntry().getValue();
    }

    /** A new allocated cell with {@code dataLength} zero bytes of data. */
    int allocate(int dataLength) {
        int need = Cells.sizeFor(dataLength);
        Long fit = free.ceiling(key(need, 0));
        int cell;
        int size;
        if (fit != null) {
            free.remove(fit);
            cell = (int) (long) fit;
            size = (int) (fit >>> 32);
        } else {
            cell = appendBin(need);
            size = readInt(Cells.pos(cell));
            free.remove(key(size, cell));
        }
        if (size - need >= 8) {
            bytes.put32(Cells.pos(cell + need), size - need);
            free.add(key(size - need, cell + need));
            size = need;
        }
        bytes.put32(Cells.pos(cell), -size);
        bytes.zero(Cells.data(cell), size - 4);
        return cell;
    }

    /** Frees an allocated cell; a hive whose structures share a cell (a wrong reference count) is corrupt. */
    void free(int cell) throws CorruptHiveException {
        int pos = Cells.pos(cell);
        int size = -bytes.i32(pos);
        if (size <= 0) {
            throw new CorruptHiveException("cell 0x" + Integer.toHexString(cell)
                + " is freed twice (referenced more often than counted)", pos);
        }
        int next = cell + size;
        int binEnd = bins.floorEntry(cell).getValue();
        if (next < binEnd) {
            int nextSize = readInt(Cells.pos(next));
            if (nextSize > 0 && free.remove(key(nextSize, next))) {
                size += nextSize;
            }
        }
        bytes.put32(pos, size);
        free.add(key(size, cell));
    }

    /** Appends a bin big enough for a cell of {@code need} bytes; returns its first cell (free). */
    private int appendBin(int need) {
        int start = binsSize();
        int size = (need + Cells.BIN_HEADER + Cells.BIN_ALIGN - 1) / Cells.BIN_ALIGN * Cells.BIN_ALIGN;
        bytes.setLength(BaseBlock.SIZE + start + size);
        int pos = Cells.pos(start);
        bytes.putAscii(pos, "hbin");
        bytes.put32(pos + 4, start);
        bytes.put32(pos + 8, size);
        bins.put(start, start + size);
        int cell = start + Cells.BIN_HEADER;
        bytes.put32(Cells.pos(cell), size - Cells.BIN_HEADER);
        free.add(key(size - Cells.BIN_HEADER, cell));
        return cell;
    }

    private int readInt(int pos) {
        try {
            return bytes.i32(pos);
        } catch (CorruptHiveException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long key(int size, int cell) {
        return ((long) size << 32) | (cell & 0xFFFFFFFFL);
    }

    Map<Integer, Integer> bins() {
        return bins;
    }
}
