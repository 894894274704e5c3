package org.fenestra.servicing.portable.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;

/**
 * Puts a WIM back as it was when a session opened it. The engine's in-place update writes new
 * data only after the old end of the file and then rewrites the header; so truncating to the old
 * length and writing the old header back restores the file byte for byte, without copying it.
 * The file must still be the same file (an engine operation that rebuilt it under a temporary
 * name would have replaced it; that is refused rather than restored wrongly).
 */
record WimRollback(Path file, long length, byte[] header, Object fileKey) {

    /** The WIM header's size (wimlib's {@code WIM_HEADER_DISK_SIZE}). */
    static final int HEADER_SIZE = 208;

    static WimRollback remember(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(HEADER_SIZE, channel.size()));
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read on
            }
            return new WimRollback(file, channel.size(), header.array(), fileKey(file));
        }
    }

    void restore() throws ServicingException {
        try {
            if (!Objects.equals(fileKey, fileKey(file))) {
                throw new ServicingException(Reason.IO, file + " was replaced by another file while it was serviced;"
                        + " its changes cannot be discarded");
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                if (channel.size() == length && unchangedHeader(channel)) {
                    return;
                }
                channel.truncate(length);
                channel.write(ByteBuffer.wrap(header), 0);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, "cannot put " + file + " back as it was: " + e.getMessage(), e);
        }
    }

    private boolean unchangedHeader(FileChannel channel) throws IOException {
        ByteBuffer now = ByteBuffer.allocate(header.length);
        while (now.hasRemaining() && channel.read(now, now.position()) >= 0) {
            // read on
        }
        return java.util.Arrays.equals(now.array(), header);
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }
}
