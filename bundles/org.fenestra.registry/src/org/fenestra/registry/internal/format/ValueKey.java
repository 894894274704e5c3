package org.fenestra.registry.internal.format;

/**
 * A value key cell ("vk"); offsets into the cell's data.
 *
 * <pre>
 *      0    2 "vk"
 *      2    2 name length (bytes as stored; 0: the default value)
 *      4    4 data size; bit 31 set: the data (up to 4 bytes) is in the data offset field itself
 *      8    4 data cell (or the inline data)
 *     12    4 type (REG_*)
 *     16    2 flags: 0x0001 name in Latin-1, else UTF-16LE
 *     18    2 spare
 *     20    . name
 * </pre>
 * Data larger than {@link #BIG_DATA_SEGMENT} bytes in a hive of minor version 4 or later is in a
 * "db" cell: 0 "db", 2 number of segments (2 bytes), 4 cell of the segment list (an array of
 * segment cell offsets); every segment but the last holds {@link #BIG_DATA_SEGMENT} bytes.
 */
public final class ValueKey {
    public static final int NAME_LENGTH = 2;
    public static final int DATA_SIZE = 4;
    public static final int DATA = 8;
    public static final int TYPE = 12;
    public static final int FLAGS = 16;
    public static final int SPARE = 18;
    public static final int NAME = 20;

    public static final int FLAG_COMPRESSED_NAME = 0x0001;
    public static final int INLINE_DATA = 0x80000000;
    public static final int BIG_DATA_SEGMENT = 16344;
    /** Hives of this minor version and later may hold big data ("db") cells. */
    public static final int BIG_DATA_MINOR_VERSION = 4;

    private ValueKey() {
    }
}
