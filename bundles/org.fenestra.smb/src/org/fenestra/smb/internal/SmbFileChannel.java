package org.fenestra.smb.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import com.hierynomus.msfscc.fileinformation.FileStandardInformation;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.share.File;

/**
 * A {@link FileChannel} over one open SMB file: positional reads and writes go straight to the
 * server (SMB2 READ/WRITE at an offset), so several threads may read at once, as the WIM
 * reader does. Server errors come out as the {@code java.nio.file} exceptions of
 * {@link SmbErrors}. Memory mapping and locks are not offered.
 */
final class SmbFileChannel extends FileChannel {
    private final File file;
    private final String path;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private final int maxRead;
    private long position;

    SmbFileChannel(File file, String path, int maxRead, boolean readable, boolean writable, boolean append) {
        this.file = file;
        this.maxRead = maxRead;
        this.path = path;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (dsts[i].hasRemaining()) {
                break;
            }
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        ensureOpen();
        if (!readable) {
            throw new java.nio.channels.NonReadableChannelException();
        }
        if (at < 0) {
            throw new IllegalArgumentException("negative position " + at);
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        // One SMB2 READ at most; the caller loops, as with a local channel.
        ByteBuffer window = dst.slice().limit(Math.min(dst.remaining(), maxRead));
        int n = SmbErrors.call(path, () -> (int) file.read(window, at)); // -1 at end of file, like a local channel
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        if (append) {
            position = size();
        }
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
        ensureOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
        if (at < 0) {
            throw new IllegalArgumentException("negative position " + at);
        }
        int length = src.remaining();
        long written = SmbErrors.call(path, () -> file.write(src.duplicate(), at)); // smbj splits it into SMB2 WRITEs
        if (written != length) {
            throw new IOException(path + ": the server wrote " + written + " of " + length + " bytes");
        }
        src.position(src.position() + length);
        return length;
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized FileChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        try {
            return file.getFileInformation(FileStandardInformation.class).getEndOfFile();
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, path);
        }
    }

    @Override
    public synchronized FileChannel truncate(long size) throws IOException {
        ensureOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        if (size < size()) {
            try {
                file.setLength(size);
            } catch (SMBApiException e) {
                throw SmbErrors.translate(e, path);
            }
        }
        position = Math.min(position, size);
        return this;
    }

    /** SMB2 FLUSH: the server writes its caches to disk. */
    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
        if (!writable) {
            return;
        }
        try {
            file.flush();
        } catch (SMBApiException e) {
            throw SmbErrors.translate(e, path);
        }
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = read(buffer, at + done);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            done += n;
        }
        return done;
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long at, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1, count)));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = source.read(buffer);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            write(buffer, at + done);
            done += n;
        }
        return done;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("files on SMB shares cannot be memory-mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks on SMB shares are not supported");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks on SMB shares are not supported");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            file.close();
        } catch (SMBRuntimeException e) {
            throw new IOException(path + ": closing failed: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new java.nio.channels.ClosedChannelException();
        }
    }
}
