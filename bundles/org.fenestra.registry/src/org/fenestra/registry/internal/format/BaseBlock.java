package org.fenestra.registry.internal.format;

import org.fenestra.registry.CorruptHiveException;

/**
 * The 4096-byte base block at the start of a hive (and, 512 bytes of it, of a transaction log).
 *
 * <pre>
 * offset size field
 *      0    4 "regf"
 *      4    4 primary sequence number   (incremented before a write)
 *      8    4 secondary sequence number (set equal after it: differing means dirty)
 *     12    8 last written, FILETIME
 *     20    4 major version, 1
 *     24    4 minor version, 2..6 (4 and later know big data "db" cells)
 *     28    4 file type: 0 primary, 1/2 old-format log, 6 new-format log
 *     32    4 file format, 1
 *     36    4 root key cell offset
 *     40    4 hive bins data size (bytes after the base block)
 *     44    4 clustering factor, 1
 *     48   64 file name, UTF-16LE
 *    508    4 checksum: XOR of the 127 dwords before it (0 becomes 1, -1 becomes -2)
 * </pre>
 *
 * Cell offsets everywhere are relative to the end of the base block ({@link #SIZE}).
 */
public final class BaseBlock {
    public static final int SIZE = 4096;
    public static final int PRIMARY_SEQUENCE = 4;
    public static final int SECONDARY_SEQUENCE = 8;
    public static final int LAST_WRITTEN = 12;
    public static final int MAJOR_VERSION = 20;
    public static final int MINOR_VERSION = 24;
    public static final int FILE_TYPE = 28;
    public static final int FILE_FORMAT = 32;
    public static final int ROOT_CELL = 36;
    public static final int BINS_SIZE = 40;
    public static final int CLUSTERING = 44;
    public static final int FILE_NAME = 48;
    public static final int FILE_NAME_SIZE = 64;
    public static final int CHECKSUM = 508;

    public static final int TYPE_PRIMARY = 0;
    public static final int TYPE_LOG_NEW = 6;

    private BaseBlock() {
    }

    public static int checksum(HiveBytes bytes, int start) throws CorruptHiveException {
        int x = 0;
        for (int i = 0; i < CHECKSUM; i += 4) {
            x ^= bytes.i32(start + i);
        }
        if (x == -1) {
            return -2;
        }
        return x == 0 ? 1 : x;
    }

    /** Checks signature, checksum and versions of the base block at {@code start}. */
    public static void verify(HiveBytes bytes, int start, String what) throws CorruptHiveException {
        bytes.check(start, 512, what + " base block");
        if (!bytes.hasSignature(start, "regf")) {
            throw new CorruptHiveException(what + ": no \"regf\" signature", start);
        }
        if (bytes.i32(start + CHECKSUM) != checksum(bytes, start)) {
            throw new CorruptHiveException(what + ": base block checksum does not match", start + CHECKSUM);
        }
        if (bytes.i32(start + MAJOR_VERSION) != 1) {
            throw new CorruptHiveException(what + ": major version " + bytes.i32(start + MAJOR_VERSION)
                + " (only 1 exists)", start + MAJOR_VERSION);
        }
        int minor = bytes.i32(start + MINOR_VERSION);
        if (minor < 2 || minor > 6) {
            throw new CorruptHiveException(what + ": unknown minor version " + minor, start + MINOR_VERSION);
        }
    }

    public static void writeChecksum(HiveBytes bytes) throws CorruptHiveException {
        bytes.put32(CHECKSUM, checksum(bytes, 0));
    }
}
