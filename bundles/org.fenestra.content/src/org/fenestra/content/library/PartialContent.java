package org.fenestra.content.library;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import org.fenestra.content.internal.library.AtomicFiles;
import org.fenestra.content.internal.library.HashingCopy;
import org.fenestra.content.library.ContentLibraryException.Reason;

/**
 * Content arriving in pieces under the SHA-256 it must have, kept in {@code partial/} so an
 * interrupted upload or download continues from {@link #length()} instead of starting over.
 * It is never visible as content: {@link #complete(ContentProgress)} hashes the whole file and
 * moves it in only when the hash matches. One writer at a time (a file lock, across processes).
 * Bytes appended from the start in this session are hashed as they arrive, so completing does not
 * read the whole file back; content continued from an earlier session is hashed from disk.
 *
 * @since 0.1
 */
public final class PartialContent implements Closeable {

    private final ContentLibrary library;
    private final Path file;
    private final String sha256;
    private final long expectedSize;
    private final FileChannel channel;
    private final FileLock lock;
    /** SHA-256 of the file's bytes 0..{@link #hashedLength} as they arrived; null when it covers none (resumed). */
    private MessageDigest arrivedDigest;
    private long hashedLength;

    private PartialContent(ContentLibrary library, Path file, String sha256, long expectedSize, FileChannel channel,
            FileLock lock) {
        this.library = library;
        this.file = file;
        this.sha256 = sha256;
        this.expectedSize = expectedSize;
        this.channel = channel;
        this.lock = lock;
    }

    static PartialContent open(ContentLibrary library, Path file, String sha256, long expectedSize)
            throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new ContentLibraryException(Reason.BUSY, "content " + sha256 + " is being written by another transfer");
        }
        PartialContent partial = new PartialContent(library, file, sha256, expectedSize, channel, lock);
        if (expectedSize >= 0 && channel.size() > expectedSize) {
            // longer than the content can be: a leftover of something else; start over
            channel.truncate(0);
        }
        if (channel.size() == 0) {
            partial.arrivedDigest = HashingCopy.newSha256();
        }
        return partial;
    }

    public String sha256() {
        return sha256;
    }

    /** The bytes already received: where the transfer continues. */
    public long length() throws IOException {
        return channel.size();
    }

    /**
     * Appends everything {@code in} gives at the end. When that would make the content longer
     * than its expected size, the appended bytes are dropped again and
     * {@link Reason#HASH_MISMATCH} says so.
     */
    public void append(InputStream in, ContentProgress progress) throws IOException {
        long before = channel.size();
        channel.position(before);
        MessageDigest digest = arrivedDigest != null && hashedLength == before ? arrivedDigest : null;
        try {
            HashingCopy.copy(in, channel, digest, progress);
        } catch (IOException | RuntimeException e) {
            // the digest may hold bytes that were not written: complete() hashes the file instead
            arrivedDigest = null;
            channel.force(true); // what arrived before the failure stays, so the transfer resumes after it
            throw e;
        }
        if (digest != null) {
            hashedLength = channel.size();
        }
        if (expectedSize >= 0 && channel.size() > expectedSize) {
            arrivedDigest = null;
            channel.truncate(before);
            throw new ContentLibraryException(Reason.HASH_MISMATCH, "content " + sha256 + " is " + expectedSize
                    + " bytes; more were sent");
        }
    }

    /**
     * Hashes what arrived; when it is the expected content, moves it into the library and closes
     * this. When it is not, the partial bytes are deleted (they cannot become right by appending)
     * and {@link Reason#HASH_MISMATCH} says what arrived.
     */
    public StoredContent complete(ContentProgress progress) throws IOException {
        long size = channel.size();
        if (expectedSize >= 0 && size != expectedSize) {
            throw new ContentLibraryException(Reason.HASH_MISMATCH, "content " + sha256 + " is incomplete: "
                    + size + " of " + expectedSize + " bytes");
        }
        MessageDigest digest = arrivedDigest;
        if (digest == null || hashedLength != size) {
            digest = HashingCopy.newSha256();
            HashingCopy.hash(file, digest, progress);
        }
        arrivedDigest = null;
        String actual = HashingCopy.hex(digest);
        if (!actual.equals(sha256)) {
            discard();
            throw new ContentLibraryException(Reason.HASH_MISMATCH, "content sent as SHA-256 " + sha256
                    + " hashes to " + actual + " (" + size + " bytes); it was dropped");
        }
        // the checked bytes move to tmp/ first so the lock file name is free before the rename into content/
        Path checked = Files.createTempFile(library.tempDirectory(), "partial-", ".tmp");
        try {
            AtomicFiles.moveIntoPlace(file, checked);
            close();
            return library.moveIn(checked, sha256, size);
        } finally {
            AtomicFiles.deleteQuietly(checked);
        }
    }

    /** Drops the bytes received so far. */
    public void discard() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /** Keeps what arrived for a later transfer to continue. */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            lock.release();
            channel.close();
        }
    }
}
