package org.fenestra.wim.internal.format;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.fenestra.wim.errors.TruncatedWimException;
import org.fenestra.wim.errors.WimFormatException;

/**
 * One open WIM file (a standalone WIM or one part of a split set). Positional reads are safe
 * from several threads at once.
 */
public final class WimSource implements Closeable {
    private final Path path;
    private final String displayName;
    private final FileChannel channel;
    private final long size;

    private WimSource(Path path, String displayName, FileChannel channel, long size) {
        this.path = path;
        this.displayName = displayName;
        this.channel = channel;
        this.size = size;
    }

    public static WimSource open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            Path name = path.getFileName();
            return new WimSource(path, name == null ? path.toString() : name.toString(), ch, ch.size());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    /** The file name used in error messages. */
    public String name() {
        return displayName;
    }

    public long size() {
        return size;
    }

    /**
     * Reads exactly {@code len} bytes at {@code pos}. A read past the end of the file is a
     * {@link TruncatedWimException} naming {@code structure}.
     */
    public void readFully(long pos, byte[] dst, int off, int len, String structure) throws IOException {
        checkRange(pos, len, structure);
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long p = pos;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, p);
            if (n < 0) {
                throw new TruncatedWimException(WimFormatException.describe(displayName, structure, pos,
                        "unexpected end of file"));
            }
            p += n;
        }
    }

    public byte[] readFully(long pos, int len, String structure) throws IOException {
        checkRange(pos, len, structure);
        byte[] b = new byte[len];
        readFully(pos, b, 0, len, structure);
        return b;
    }

    /**
     * Copies {@code len} bytes at {@code pos} into {@code target} at {@code at}, in the kernel
     * where the platform can (no copy through the Java heap). Uses, and leaves moved, the
     * target's channel position; this file's own position is not used, so positional reads of
     * other threads are not disturbed.
     */
    public void transferTo(long pos, long len, FileChannel target, long at, String structure) throws IOException {
        checkRange(pos, len, structure);
        target.position(at);
        long done = 0;
        while (done < len) {
            long n = channel.transferTo(pos + done, len - done, target);
            if (n <= 0) {
                throw new TruncatedWimException(WimFormatException.describe(displayName, structure, pos + done,
                        "unexpected end of file"));
            }
            done += n;
        }
    }

    /** Throws unless {@code [pos, pos+len)} lies inside the file. */
    public void checkRange(long pos, long len, String structure) throws TruncatedWimException {
        if (pos < 0 || len < 0 || pos > size || len > size - pos) {
            throw new TruncatedWimException(WimFormatException.describe(displayName, structure, pos,
                    len + " bytes extend beyond end of file (size " + size + ")"));
        }
    }

    /** A message prefix {@code file: structure at offset 0x..: detail}. */
    public String describe(String structure, long offset, String detail) {
        return WimFormatException.describe(displayName, structure, offset, detail);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
