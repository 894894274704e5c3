package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.log.Marvin32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dirty hives: refused without logs, brought up to date from a new-format log (built here as
 * Windows 8.1+ writes them: base block copy of type 6, then HvLE entries with Marvin32 hashes).
 */
class LogReplayTest {
    @TempDir
    Path dir;

    /** .NET's Marvin32 test vectors (seed 0x004FB61A001BDBCC). */
    @ParameterizedTest
    @CsvSource({"'', 30ED35C100CD3C7D", "af, 48E73FC77D75DDC1", "e70f, B5F6E1FC485DBFF8", "37f495, F0B07C789B8CF7E8",
        "8642dc59, 7008F2E87E9CF556", "153fb79826, E6C08C6DA2AFA997", "0932e6246c47, 6F04BF1A5EA24060",
        "ab427ea8d10fc7, E11847E4F0678C41"})
    void marvin32MatchesItsReference(String data, String expected) {
        byte[] bytes = HexFormat.of().parseHex(data);
        assertEquals(Long.parseUnsignedLong(expected, 16), Marvin32.hash(bytes, 0, bytes.length, 0x004FB61A001BDBCCL));
    }

    private static int get32(byte[] b, int pos) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
    }

    private static void put32(byte[] b, int pos, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(pos, value);
    }

    private static void checksum(byte[] b) {
        int x = 0;
        for (int i = 0; i < BaseBlock.CHECKSUM; i += 4) {
            x ^= get32(b, i);
        }
        put32(b, BaseBlock.CHECKSUM, x == 0 ? 1 : x == -1 ? -2 : x);
    }

    /** A new-format log holding one entry that turns {@code before} into {@code after}. */
    private static byte[] log(byte[] before, byte[] after, int sequence, int fileType) {
        byte[] base = Arrays.copyOf(after, 512);
        put32(base, BaseBlock.FILE_TYPE, fileType);
        put32(base, BaseBlock.PRIMARY_SEQUENCE, sequence);
        put32(base, BaseBlock.SECONDARY_SEQUENCE, sequence);
        checksum(base);
        ByteArrayOutputStream references = new ByteArrayOutputStream();
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        int count = 0;
        for (int page = BaseBlock.SIZE; page < after.length; page += 512) {
            byte[] now = Arrays.copyOfRange(after, page, page + 512);
            if (page + 512 <= before.length && Arrays.equals(now, Arrays.copyOfRange(before, page, page + 512))) {
                continue;
            }
            ByteBuffer ref = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(page - BaseBlock.SIZE).putInt(512);
            references.writeBytes(ref.array());
            pages.writeBytes(now);
            count++;
        }
        int size = (40 + references.size() + pages.size() + 511) / 512 * 512;
        byte[] entry = new byte[size];
        ByteBuffer e = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
        e.put("HvLE".getBytes()).putInt(size).putInt(0).putInt(sequence).putInt(after.length - BaseBlock.SIZE).putInt(count);
        System.arraycopy(references.toByteArray(), 0, entry, 40, references.size());
        System.arraycopy(pages.toByteArray(), 0, entry, 40 + references.size(), pages.size());
        e.putLong(24, Marvin32.hash(entry, 40, size - 40, Marvin32.LOG_SEED));
        e.putLong(32, Marvin32.hash(entry, 0, 32, Marvin32.LOG_SEED));
        byte[] log = new byte[512 + size];
        System.arraycopy(base, 0, log, 0, 512);
        System.arraycopy(entry, 0, log, 512, size);
        return log;
    }

    private record Change(byte[] dirtyPrimary, byte[] log, Hive after) {
    }

    /** A hive, the same hive after an edit, and the dirty primary plus log a crash between them leaves. */
    private Change change(int logFileType) throws Exception {
        Hive hive = Hive.create("ROOT");
        Path file = dir.resolve("SOFTWARE");
        try (HiveEdit edit = hive.edit()) {
            edit.createKey("Microsoft\\Windows NT\\CurrentVersion");
            edit.commitTo(file);
        }
        byte[] before = hive.toBytes();
        try (HiveEdit edit = hive.edit()) {
            edit.setValue("Microsoft\\Windows NT\\CurrentVersion", RegistryValue.dword("UBR", 4317));
            edit.setValue("Microsoft\\Windows NT\\CurrentVersion", RegistryValue.binary("Big", new byte[30_000]));
            for (int i = 0; i < 300; i++) {
                edit.createKey("Classes\\.x" + i);
            }
            edit.commit();
        }
        byte[] after = hive.toBytes();
        int sequence = get32(before, BaseBlock.SECONDARY_SEQUENCE);
        byte[] dirty = before.clone();
        put32(dirty, BaseBlock.PRIMARY_SEQUENCE, sequence + 1);
        checksum(dirty);
        return new Change(dirty, log(before, after, sequence, logFileType), hive);
    }

    @Test
    void dirtyHiveIsBroughtUpToDateFromItsLog() throws Exception {
        Change change = change(BaseBlock.TYPE_LOG_NEW);
        Hive recovered = Hive.read(change.dirtyPrimary(), List.of(change.log()));
        assertTrue(recovered.recoveredFromLogs());
        assertEquals(Hivex.dump(change.after().root()), Hivex.dump(recovered.root()));
        assertEquals(4317, recovered.key("microsoft\\windows nt\\currentversion").orElseThrow()
            .value("UBR").orElseThrow().asDword());
        assertFalse(Hive.read(change.after().toBytes()).recoveredFromLogs());

        // Beside the file, as .LOG1 (an empty .LOG2, as Windows leaves one, is ignored).
        Path file = dir.resolve("recovered");
        Files.write(file, change.dirtyPrimary());
        Files.write(dir.resolve("recovered.LOG1"), change.log());
        Files.write(dir.resolve("recovered.LOG2"), new byte[0]);
        Hive opened = Hive.open(file);
        assertEquals(Hivex.dump(change.after().root()), Hivex.dump(opened.root()));
        try (HiveEdit edit = opened.edit()) { // and written back clean
            edit.commit();
        }
        assertEquals(Hivex.dump(change.after().root()), Hivex.dump(file));
    }

    @Test
    void dirtyHiveWithoutLogsIsRefused() throws Exception {
        Change change = change(BaseBlock.TYPE_LOG_NEW);
        DirtyHiveException e = assertThrows(DirtyHiveException.class, () -> Hive.read(change.dirtyPrimary()));
        assertTrue(e.getMessage().contains("no .LOG1/.LOG2"), e.getMessage());
    }

    @Test
    void logEntryWithBadHashIsNotApplied() throws Exception {
        Change change = change(BaseBlock.TYPE_LOG_NEW);
        byte[] log = change.log();
        log[512 + 40 + 8 + 100] ^= 1; // a byte of the first dirty page
        assertThrows(DirtyHiveException.class, () -> Hive.read(change.dirtyPrimary(), List.of(log)));
    }

    @Test
    void oldFormatLogIsRefusedClearly() throws Exception {
        Change change = change(1);
        DirtyHiveException e = assertThrows(DirtyHiveException.class,
            () -> Hive.read(change.dirtyPrimary(), List.of(change.log())));
        assertTrue(e.getMessage().contains("old format"), e.getMessage());
    }
}
