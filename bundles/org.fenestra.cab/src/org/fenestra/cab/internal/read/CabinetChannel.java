package org.fenestra.cab.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.fenestra.cab.errors.CorruptCabinetException;

/**
 * The cabinet file, read at positions. Only {@link Files#newByteChannel} is used, so any
 * {@code java.nio} file system works (our SMB one too). Positioned reads are serialized: readers
 * of several folders may share one channel.
 */
public final class CabinetChannel implements Closeable {

    private final Path file;
    private final String name;
    private final SeekableByteChannel channel;
    private final long size;

    private CabinetChannel(Path file, SeekableByteChannel channel, long size) {
        this.file = file;
        this.name = file.toString();
        this.channel = channel;
        this.size = size;
    }

    public static CabinetChannel open(Path file) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
        try {
            return new CabinetChannel(file, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The file's name for messages. */
    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /**
     * Reads exactly {@code len} bytes at {@code pos}; {@code what} names the structure for the
     * error when the file ends first.
     */
    public void readFully(long pos, byte[] b, int off, int len, String what) throws IOException {
        if (pos < 0 || len < 0 || pos > size - len) {
            throw truncated(what, pos, len);
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        synchronized (this) {
            channel.position(pos);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw truncated(what, pos, len);
                }
            }
        }
    }

    /** Reads up to {@code len} bytes at {@code pos} (fewer only at the end of the file). */
    public int readAtMost(long pos, byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, Math.max(0, size - pos));
        ByteBuffer buffer = ByteBuffer.wrap(b, off, n);
        synchronized (this) {
            channel.position(pos);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
        }
        return buffer.position() - off;
    }

    public CorruptCabinetException truncated(String what, long pos, long len) {
        return new CorruptCabinetException(name + ": " + what + " at offset " + pos + " (" + len
                + " bytes) lies past the end of the file (" + size + " bytes): the cabinet is truncated or corrupt",
                pos);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
