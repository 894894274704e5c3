package org.fenestra.wim.write;

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

import org.fenestra.wim.format.WimSource;

/**
 * A new file being written: created as a temporary file in the destination's folder and
 * atomically renamed over the destination by {@link #commit()} after an fsync. Until then the
 * destination is untouched, and {@link #abandon()} deletes the temporary file.
 */
final class OutputFile implements AutoCloseable {
    private static final Logger LOG = System.getLogger(OutputFile.class.getName());

    private static final int COPY_BUFFER = 1 << 20;

    private final Path destination;
    private final Path temp; // null for in-place
    private final FileChannel channel;
    private long position;
    private long end;
    private boolean finished;

    private OutputFile(Path destination, Path temp, FileChannel channel, long position) {
        this.destination = destination;
        this.temp = temp;
        this.channel = channel;
        this.position = position;
        this.end = position;
    }

    /** Starts a new file that will replace {@code destination} on commit. */
    static OutputFile createNew(Path destination) throws IOException {
        Path abs = destination.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            return new OutputFile(abs, temp, FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ), 0);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
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
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        long p = at;
        while (buf.hasRemaining()) {
            p += channel.write(buf, p);
        }
        end = Math.max(end, p);
    }

    /** Copies {@code length} bytes of {@code from} at {@code offset} to the current position. */
    void copyFrom(WimSource from, long offset, long length, String what) throws IOException {
        byte[] buf = new byte[(int) Math.min(COPY_BUFFER, Math.max(1, length))];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buf.length, length - done);
            from.readFully(offset + done, buf, 0, n, what);
            write(buf, 0, n);
            done += n;
        }
    }

    FileChannel channel() {
        return channel;
    }

    /** Cuts the file at the current position, dropping anything written beyond it. */
    void truncateHere() throws IOException {
        channel.truncate(position);
        end = position;
    }

    /** fsyncs and, for a new file, renames it over the destination. */
    void commit() throws IOException {
        channel.force(true);
        channel.close();
        if (temp != null) {
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot atomically replace \"" + destination + "\": " + e.getMessage(), e);
            }
            syncDirectory(destination.getParent());
        }
        finished = true;
    }

    /** Makes the rename durable; not every platform lets a directory be opened, so failure is only logged. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cannot fsync directory {0}: {1}", dir, e.getMessage());
        }
    }

    /** Gives up: closes and deletes the temporary file. */
    void abandon() {
        if (finished) {
            return;
        }
        finished = true;
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
