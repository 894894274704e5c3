package org.fenestra.content.internal.library;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Files that appear whole or not at all: written to a temp file, forced to disk, renamed into place. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code data} to {@code target} through a temp file in {@code tempDir} (same file system). */
    public static void write(Path tempDir, Path target, byte[] data) throws IOException {
        Path temp = Files.createTempFile(tempDir, "write-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Renames {@code source} onto {@code target} in one step, replacing what is there. */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + source + " to " + target + " in one step (another file system?)", e);
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(AtomicFiles.class.getName()).log(Level.WARNING, "could not delete " + file, e);
        }
    }
}
