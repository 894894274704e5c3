package org.fenestra.registry.internal.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fenestra.registry.CorruptHiveException;
import org.fenestra.registry.DirtyHiveException;
import org.fenestra.registry.HiveException;
import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.Cells;
import org.fenestra.registry.internal.format.HiveBytes;

/**
 * Brings a dirty hive up to date from its new-format transaction logs ({@code .LOG1}, then
 * {@code .LOG2}; Windows 8.1 and later).
 *
 * <pre>
 * log file: a copy of the base block's first 512 bytes (file type 6), then log entries at
 * multiples of 512:
 *      0    4 "HvLE"
 *      4    4 size of the entry (a multiple of 512)
 *      8    4 flags
 *     12    4 sequence number (becomes both sequence numbers of the hive when applied)
 *     16    4 hive bins data size after the entry
 *     20    4 number of dirty pages
 *     24    8 hash 1: Marvin32 of bytes 40..size
 *     32    8 hash 2: Marvin32 of bytes 0..32
 *     40    . dirty page references: offset (relative to the bins), size; then the pages, back to back
 * </pre>
 * Entries from sequence number = the hive's secondary sequence number on are applied in order
 * while the numbers follow each other and the hashes match (re-applying an entry the hive already
 * holds is harmless: its pages are overwritten by the later ones). Old-format logs (Windows XP to
 * 8, "DIRT" bitmaps) are refused.
 */
public final class LogReplay {
    private static final int LOG_ENTRIES = 512;
    private static final int ENTRY_HEADER = 40;

    private record Entry(byte[] log, int offset, int sequence) {
    }

    private LogReplay() {
    }

    /** Whether the hive's base block says it was not written completely. */
    public static boolean isDirty(HiveBytes hive) throws CorruptHiveException {
        hive.check(0, 512, "base block");
        return hive.i32(BaseBlock.PRIMARY_SEQUENCE) != hive.i32(BaseBlock.SECONDARY_SEQUENCE)
            || hive.i32(BaseBlock.CHECKSUM) != BaseBlock.checksum(hive, 0);
    }

    /** The hive with the logs' entries applied and its sequence numbers made equal. */
    public static HiveBytes replay(HiveBytes hive, List<byte[]> logs) throws HiveException {
        if (logs.isEmpty()) {
            throw new DirtyHiveException("hive is dirty (sequence numbers " + Integer.toUnsignedString(
                hive.i32(BaseBlock.PRIMARY_SEQUENCE)) + " and " + Integer.toUnsignedString(
                hive.i32(BaseBlock.SECONDARY_SEQUENCE)) + " differ) and has no .LOG1/.LOG2 beside it to replay");
        }
        List<Entry> entries = new ArrayList<>();
        byte[] newestBaseBlock = null;
        int newestSequence = 0;
        for (int i = 0; i < logs.size(); i++) {
            byte[] log = logs.get(i);
            HiveBytes bytes = new HiveBytes(log, log.length);
            try {
                BaseBlock.verify(bytes, 0, "transaction log " + (i + 1));
            } catch (CorruptHiveException e) {
                continue; // a log never written or torn: the other one may serve
            }
            int type = bytes.i32(BaseBlock.FILE_TYPE);
            if (type != BaseBlock.TYPE_LOG_NEW) {
                throw new DirtyHiveException("hive is dirty and its transaction log " + (i + 1)
                    + " is in the old format (file type " + type + ", Windows XP to 8), which is not replayed");
            }
            if (newestBaseBlock == null || bytes.i32(BaseBlock.PRIMARY_SEQUENCE) - newestSequence > 0) {
                newestBaseBlock = bytes.bytes(0, 512);
                newestSequence = bytes.i32(BaseBlock.PRIMARY_SEQUENCE);
            }
            readEntries(log, entries);
        }
        boolean baseBlockValid = hive.i32(BaseBlock.CHECKSUM) == BaseBlock.checksum(hive, 0);
        HiveBytes result = hive.copy(0);
        if (!baseBlockValid) {
            if (newestBaseBlock == null) {
                throw new CorruptHiveException("base block checksum does not match and no log has a valid copy",
                    BaseBlock.CHECKSUM);
            }
            result.put(0, newestBaseBlock);
            result.put32(BaseBlock.FILE_TYPE, BaseBlock.TYPE_PRIMARY);
        }
        int expected = result.i32(BaseBlock.SECONDARY_SEQUENCE);
        entries.sort(Comparator.comparingInt(Entry::sequence));
        int applied = 0;
        int last = 0;
        for (Entry entry : entries) {
            if (entry.sequence - expected < 0) {
                continue;
            }
            if (applied > 0 && entry.sequence != last + 1) {
                break;
            }
            apply(result, entry);
            last = entry.sequence;
            applied++;
        }
        if (applied == 0) {
            throw new DirtyHiveException("hive is dirty and its transaction logs hold no entry from sequence number "
                + Integer.toUnsignedString(expected) + " on");
        }
        result.put32(BaseBlock.PRIMARY_SEQUENCE, last);
        result.put32(BaseBlock.SECONDARY_SEQUENCE, last);
        BaseBlock.writeChecksum(result);
        return result;
    }

    /** Valid entries of one log, up to the first invalid one (the rest of the file is stale). */
    private static void readEntries(byte[] log, List<Entry> entries) throws CorruptHiveException {
        HiveBytes bytes = new HiveBytes(log, log.length);
        int offset = LOG_ENTRIES;
        while (offset <= log.length - ENTRY_HEADER && bytes.hasSignature(offset, "HvLE")) {
            int size = bytes.i32(offset + 4);
            int pages = bytes.i32(offset + 20);
            if (size < ENTRY_HEADER || size % 512 != 0 || size > log.length - offset
                || pages < 0 || pages > (size - ENTRY_HEADER) / 8
                || bytes.i32(offset + 16) % Cells.BIN_ALIGN != 0 || bytes.i32(offset + 16) <= 0
                || Marvin32.hash(log, offset, 32, Marvin32.LOG_SEED) != bytes.i64(offset + 32)
                || Marvin32.hash(log, offset + ENTRY_HEADER, size - ENTRY_HEADER, Marvin32.LOG_SEED) != bytes.i64(offset + 24)) {
                return;
            }
            entries.add(new Entry(log, offset, bytes.i32(offset + 12)));
            offset += size;
        }
    }

    private static void apply(HiveBytes hive, Entry entry) throws CorruptHiveException {
        HiveBytes log = new HiveBytes(entry.log, entry.log.length);
        int offset = entry.offset;
        int size = log.i32(offset + 4);
        int binsSize = log.i32(offset + 16);
        int pages = log.i32(offset + 20);
        hive.setLength(BaseBlock.SIZE + binsSize);
        int page = offset + ENTRY_HEADER + 8 * pages;
        for (int i = 0; i < pages; i++) {
            int target = log.i32(offset + ENTRY_HEADER + 8 * i);
            int length = log.i32(offset + ENTRY_HEADER + 8 * i + 4);
            if (target < 0 || length < 0 || target > binsSize - length || page > offset + size - length) {
                throw new CorruptHiveException("log entry " + Integer.toUnsignedString(entry.sequence)
                    + " has a dirty page outside the hive or the entry", offset + ENTRY_HEADER + 8 * i);
            }
            hive.put(BaseBlock.SIZE + target, log.bytes(page, length));
            page += length;
        }
        hive.put32(BaseBlock.BINS_SIZE, binsSize);
    }
}
