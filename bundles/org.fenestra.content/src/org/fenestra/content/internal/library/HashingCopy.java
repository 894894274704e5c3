package org.fenestra.content.internal.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.fenestra.content.library.ContentLibraryException;
import org.fenestra.content.library.ContentLibraryException.Reason;
import org.fenestra.content.library.ContentProgress;

/** Copies a stream into a file while hashing it, and hashes files; both report progress and can be cancelled. */
public final class HashingCopy {

    private static final int BUFFER_BYTES = 1 << 20;

    private HashingCopy() {
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Appends everything {@code in} gives to {@code channel}, feeding {@code digest} (when not
     * null); forces the data to disk before returning.
     *
     * @return the bytes copied
     */
    public static long copy(InputStream in, FileChannel channel, MessageDigest digest, ContentProgress progress)
            throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            checkCancelled(progress);
            if (digest != null) {
                digest.update(buffer, 0, read);
            }
            ByteBuffer data = ByteBuffer.wrap(buffer, 0, read);
            while (data.hasRemaining()) {
                channel.write(data);
            }
            total += read;
            progress.advanced(read);
        }
        channel.force(true);
        return total;
    }

    /** Feeds the whole file to {@code digest}. */
    public static long hash(Path file, MessageDigest digest, ContentProgress progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
            long total = 0;
            while (channel.read(buffer) != -1) {
                checkCancelled(progress);
                buffer.flip();
                int read = buffer.remaining();
                digest.update(buffer);
                buffer.clear();
                total += read;
                progress.advanced(read);
            }
            return total;
        }
    }

    public static void checkCancelled(ContentProgress progress) throws ContentLibraryException {
        if (progress.isCancelled()) {
            throw new ContentLibraryException(Reason.CANCELLED, "cancelled; nothing was stored");
        }
    }
}
