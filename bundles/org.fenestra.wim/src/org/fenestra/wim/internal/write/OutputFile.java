package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimSource;

/**
 * A file being written, in one of two modes.
 *
 * <p>A new file is created as a temporary file in the destination's folder and atomically
 * renamed over the destination by {@link #commit()} after an fsync. Until then the destination
 * is untouched, and {@link #abandon()} deletes the temporary file.
 *
 * <p>An in-place append writes an existing file only beyond its old end (and, last, its
 * header): {@link #abandon()} truncates it back to its original length, so that a failure or
 * a cancellation leaves the file as it was.
 */
final class OutputFile implements AutoCloseable {
    private static final Logger LOG = System.getLogger(OutputFile.class.getName());

    private static final java.security.SecureRandom TEMP_NAMES = new java.security.SecureRandom();
    /** Adjacent raw copies are merged up to this size before they are made (one transfer). */
    private static final long MAX_PENDING_COPY = 64L << 20;

    private final Path destination;
    private final Path temp; // null for in-place
    private final long originalLength; // in-place: the length to restore on abandon
    private byte[] originalHeader; // in-place: the header to restore on abandon
    private final FileChannel channel;
    private long position;
    private long end;
    private boolean finished;
    private PendingCopy pending; // raw copies recorded but not yet made

    /** Bytes of {@code source} at {@code from} that belong at {@code at} in this file; {@code first} names them. */
    private record PendingCopy(WimSource source, long from, long length, long at, Resource first) {
        boolean continuedBy(WimSource s, long offset, long position) {
            return s == source && offset == from + length && position == at + length
                    && length < MAX_PENDING_COPY;
        }
    }

    private OutputFile(Path destination, Path temp, FileChannel channel, long position, long originalLength) {
        this.destination = destination;
        this.temp = temp;
        this.originalLength = originalLength;
        this.channel = channel;
        this.position = position;
        this.end = position;
    }

    /** Starts a new file that will replace {@code destination} on commit. */
    /**
     * Not {@code Files.createTempFile}: that makes the file readable by its owner only, and the
     * new WIM gets the temporary file's permissions; a WIM is created like any new file (as
     * wimlib does), with the process's default permissions.
     */
    static OutputFile createNew(Path destination) throws IOException {
        Path abs = destination.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0;; attempt++) {
            Path temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
                    + ".tmp");
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            try {
                return new OutputFile(abs, temp, channel, 0, 0);
            } catch (RuntimeException e) {
                channel.close();
                Files.deleteIfExists(temp);
                throw e;
            }
        }
    }

    /**
     * Opens the existing {@code file} to append beyond {@code oldEnd} (which must not exceed its
     * length; anything after it is left over from an interrupted append and is overwritten).
     */
    static OutputFile appendTo(Path file, long oldEnd) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            long length = ch.size();
            if (oldEnd > length) {
                throw new IOException("\"" + file + "\": its structures end at " + oldEnd + ", beyond its length " + length);
            }
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(WimHeader.DISK_SIZE, length));
            while (header.hasRemaining() && ch.read(header, header.position()) > 0) {
                // read the whole header
            }
            OutputFile out = new OutputFile(file, null, ch, oldEnd, length);
            out.originalHeader = header.array();
            return out;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    long position() {
        return position;
    }

    /** Moves the write position (e.g. back over a discarded duplicate). */
    void position(long p) {
        position = p;
    }

    void write(byte[] b, int off, int len) throws IOException {
        writeAt(position, b, off, len);
        position += len;
    }

    void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    void writeAt(long at, byte[] b, int off, int len) throws IOException {
        makePendingCopy();
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        long p = at;
        while (buf.hasRemaining()) {
            p += channel.write(buf, p);
        }
        end = Math.max(end, p);
    }

    /**
     * Copies the stored bytes of resource {@code r} to the current position.
     * The copy is made later, before anything else reaches the file: copies of adjacent source
     * ranges (blobs copied raw in file order) are then one transfer instead of thousands.
     */
    void copyFrom(Resource r) throws IOException {
        WimSource from = r.source();
        long offset = r.offset();
        long length = r.sizeInWim();
        if (!r.header().fitsIn(from.size())) {
            from.checkRange(offset, length, r.describe());
        }
        if (pending != null && pending.continuedBy(from, offset, position)) {
            pending = new PendingCopy(from, pending.from(), pending.length() + length, pending.at(), pending.first());
        } else {
            makePendingCopy();
            pending = new PendingCopy(from, offset, length, position, r);
        }
        position += length;
        end = Math.max(end, position);
    }

    private void makePendingCopy() throws IOException {
        PendingCopy p = pending;
        if (p != null) {
            pending = null;
            p.source().transferTo(p.from(), p.length(), channel, p.at(), p.first().describe());
        }
    }

    /** The file's channel, with every copy made (e.g. to read back what was written). */
    FileChannel channel() throws IOException {
        makePendingCopy();
        return channel;
    }

    /** Cuts the file at the current position, dropping anything written beyond it. */
    void truncateHere() throws IOException {
        makePendingCopy();
        channel.truncate(position);
        end = position;
    }

    /** Makes everything written so far durable (before a header points at it). */
    void sync() throws IOException {
        makePendingCopy();
        channel.force(true);
    }

    /** fsyncs and, for a new file, renames it over the destination. */
    void commit() throws IOException {
        makePendingCopy();
        channel.force(true);
        channel.close();
        if (temp != null) {
            keepPermissionsOf(destination, temp);
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot atomically replace \"" + destination + "\": " + e.getMessage(), e);
            }
            syncDirectory(destination.getParent());
        }
        finished = true;
    }

    /** A rebuilt file keeps the permissions of the one it replaces (a temporary file starts private). */
    private static void keepPermissionsOf(Path destination, Path temp) {
        try {
            if (Files.exists(destination)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(destination));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "cannot copy the permissions of {0}: {1}", destination, e.getMessage());
        }
    }

    /** Makes the rename durable; not every platform lets a directory be opened, so failure is only logged. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot fsync directory {0}: {1}", dir, e.getMessage());
        }
    }

    /** Gives up: deletes the temporary file, or cuts an appended file back to its original length. */
    void abandon() {
        if (finished) {
            return;
        }
        finished = true;
        pending = null;
        if (temp == null) {
            try {
                // The header goes back first: a failure after the new one was written must not leave
                // it pointing beyond the truncated end.
                writeAt(0, originalHeader, 0, originalHeader.length);
                channel.truncate(originalLength);
                channel.force(true);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot truncate {0} back to {1} bytes: {2}", destination, originalLength,
                        e.getMessage());
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing {0}: {1}", destination, e.getMessage());
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot delete temporary file {0}: {1}", temp, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        abandon();
    }
}
