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
        while ((read = fill(in, buffer, digest, channel)) > 0) {
            checkCancelled(progress);
            write(buffer, read, digest, channel);
            total += read;
            progress.advanced(read);
        }
        channel.force(true);
        return total;
    }

    /**
     * Reads until the buffer is full or the stream ends: a network stream gives a TLS record
     * (16 KiB) per read, and one write per record cost a system call each. When the stream
     * breaks, what was read is written first, so a transfer resumes after it.
     */
    private static int fill(InputStream in, byte[] buffer, MessageDigest digest, FileChannel channel)
            throws IOException {
        int filled = 0;
        try {
            int read;
            while (filled < buffer.length && (read = in.read(buffer, filled, buffer.length - filled)) != -1) {
                filled += read;
            }
            return filled;
        } catch (IOException e) {
            write(buffer, filled, digest, channel);
            throw e;
        }
    }

    private static void write(byte[] buffer, int length, MessageDigest digest, FileChannel channel)
            throws IOException {
        if (digest != null) {
            digest.update(buffer, 0, length);
        }
        ByteBuffer data = ByteBuffer.wrap(buffer, 0, length);
        while (data.hasRemaining()) {
            channel.write(data);
        }
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
