package org.fenestra.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.registry.internal.format.BaseBlock;
import org.fenestra.registry.internal.format.HiveBytes;
import org.fenestra.registry.internal.log.LogReplay;
import org.fenestra.registry.internal.read.HiveImage;
import org.fenestra.registry.internal.read.HiveValidator;
import org.fenestra.registry.internal.read.KeyView;
import org.fenestra.registry.internal.write.HiveEditor;
import org.fenestra.registry.internal.write.NewHive;

/**
 * A registry hive (REGF file) held in memory. Opening checks all of it (a corrupt hive gives a
 * {@link CorruptHiveException} naming the offset); a dirty hive is brought up to date from its
 * transaction logs or refused ({@link DirtyHiveException}). Views ({@link #root()}) show the hive
 * as it was when taken; {@link #edit()} changes it in one transaction.
 */
public final class Hive {
    /** Hives are at most this big (Windows' own limit is far lower). */
    private static final long MAX_SIZE = Integer.MAX_VALUE - 64 * 1024;

    private HiveImage image;
    private Path file;
    private final boolean recovered;

    private Hive(HiveImage image, Path file, boolean recovered) {
        this.image = image;
        this.file = file;
        this.recovered = recovered;
    }

    /** Opens a hive file; its {@code .LOG1}/{@code .LOG2} beside it are replayed when it is dirty. */
    public static Hive open(Path file) throws IOException {
        byte[] bytes = readAll(file);
        List<byte[]> logs = new ArrayList<>();
        for (String suffix : new String[] {".LOG1", ".LOG2"}) {
            Path log = file.resolveSibling(file.getFileName() + suffix);
            if (Files.isRegularFile(log)) {
                logs.add(readAll(log));
            }
        }
        return load(bytes, logs, file);
    }

    /** A hive from its bytes (a clean one, or dirty with its logs given to {@link #read(byte[], List)}). */
    public static Hive read(byte[] bytes) throws HiveException {
        return load(bytes.clone(), List.of(), null);
    }

    /** A hive from its bytes and the bytes of its transaction logs ({@code .LOG1} first). */
    public static Hive read(byte[] bytes, List<byte[]> logs) throws HiveException {
        return load(bytes.clone(), logs, null);
    }

    /** A hive read whole from a channel (for instance a file inside a WIM). */
    public static Hive read(SeekableByteChannel channel) throws IOException {
        return load(readAll(channel), List.of(), null);
    }

    /** A new, empty hive whose root key has that name; commit an edit to a file to keep it. */
    public static Hive create(String rootName) throws HiveException {
        return new Hive(new HiveImage(NewHive.create(rootName)), null, false);
    }

    private static Hive load(byte[] bytes, List<byte[]> logs, Path file) throws HiveException {
        HiveBytes hive = new HiveBytes(bytes, bytes.length);
        if (bytes.length < BaseBlock.SIZE) {
            throw new CorruptHiveException("a hive has a base block of 4096 bytes, this file has " + bytes.length,
                bytes.length);
        }
        boolean recovered = false;
        if (hive.hasSignature(0, "regf") && LogReplay.isDirty(hive)) {
            if (hive.i32(BaseBlock.CHECKSUM) != BaseBlock.checksum(hive, 0) && logs.isEmpty()) {
                throw new CorruptHiveException("base block checksum does not match", BaseBlock.CHECKSUM);
            }
            hive = LogReplay.replay(hive, logs);
            recovered = true;
        }
        return new Hive(HiveValidator.validate(hive), file, recovered);
    }

    private static byte[] readAll(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return readAll(channel);
        }
    }

    private static byte[] readAll(SeekableByteChannel channel) throws IOException {
        long size = channel.size() - channel.position();
        if (size > MAX_SIZE) {
            throw new HiveException("a hive of " + size + " bytes is larger than the " + MAX_SIZE + " this reader takes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // read on
        }
        return buffer.hasRemaining() ? java.util.Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
    }

    /** The root key, as the hive is now. */
    public synchronized RegistryKey root() {
        return KeyView.root(image);
    }

    /** The key at a {@code \}-separated path from the root (case-insensitive). */
    public Optional<RegistryKey> key(String path) {
        return root().find(path);
    }

    /** Whether the hive was dirty and brought up to date from its transaction logs. */
    public boolean recoveredFromLogs() {
        return recovered;
    }

    /** The REGF minor version (3: NT 4, 5: XP and later; 6: written with new-format logs). */
    public synchronized int minorVersion() {
        try {
            return image.minorVersion();
        } catch (CorruptHiveException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file the hive was opened from or last committed to, when there is one. */
    public synchronized Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The hive's bytes as a file holds them. */
    public synchronized byte[] toBytes() {
        return java.util.Arrays.copyOf(image.bytes().array(), image.bytes().length());
    }

    /** Starts a transaction on the hive as it is now. */
    public synchronized HiveEdit edit() throws HiveException {
        return new HiveEditor(image, file, committed -> {
            synchronized (this) {
                image = committed.image();
                file = committed.file();
            }
        });
    }
}
