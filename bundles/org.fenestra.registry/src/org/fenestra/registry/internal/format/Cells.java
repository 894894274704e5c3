package org.fenestra.registry.internal.format;

/**
 * Hive bins and cells.
 *
 * <pre>
 * hbin header (32 bytes, at a multiple of 4096 after the base block; a bin is a multiple of 4096 long)
 *      0    4 "hbin"
 *      4    4 offset of this bin, relative to the first bin
 *      8    4 size of this bin
 *     12    8 reserved
 *     20    8 timestamp (first bin only)
 *     28    4 spare
 * cell (fills the bin after the header; cells never cross a bin's end)
 *      0    4 size, a multiple of 8 including these 4 bytes; negative: allocated, positive: free
 *      4    . the cell's data (nk, vk, sk, lf, lh, li, ri, db, a list of offsets, or value data)
 * </pre>
 */
public final class Cells {
    public static final int BIN_HEADER = 32;
    public static final int BIN_ALIGN = 4096;
    /** An offset field with no cell behind it. */
    public static final int NONE = -1;

    private Cells() {
    }

    /** File offset of a cell's size field. */
    public static int pos(int cell) {
        return BaseBlock.SIZE + cell;
    }

    /** File offset of a cell's data. */
    public static int data(int cell) {
        return BaseBlock.SIZE + cell + 4;
    }

    /** Cell size (header included) that holds {@code dataLength} bytes of data. */
    public static int sizeFor(int dataLength) {
        return (dataLength + 4 + 7) & ~7;
    }
}
