package org.fenestra.cab.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.fenestra.cab.internal.format.CabFileRecord;

/** One file's bytes from its folder's stream; fails if the folder ends before the file does. */
public final class EntryInputStream extends InputStream {

    private final FolderReader reader;
    private final CabFileRecord file;
    private long remaining;
    private final Consumer<FolderReader> release;
    private boolean failed;
    private boolean closed;

    /**
     * Positions {@code reader} at the file's data (decoding what lies before it) and reads from
     * there; closing the stream closes the reader when {@code ownsReader}.
     */
    public EntryInputStream(FolderReader reader, CabFileRecord file, boolean ownsReader) throws IOException {
        this(reader, file, ownsReader ? FolderReader::close : null);
    }

    /**
     * Positions {@code reader} at the file's data and reads from there; closing the stream hands
     * the reader, where the stream left it, to {@code release} (null: the caller keeps it), or
     * closes it when a read failed (a reader stopped by a bad block is not reused).
     */
    public EntryInputStream(FolderReader reader, CabFileRecord file, Consumer<FolderReader> release) throws IOException {
        this.reader = reader;
        this.release = release;
        this.file = file;
        this.remaining = file.size();
        reader.skipTo(file.folderOffset(), "file " + file.name());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n;
        try {
            n = reader.read(b, off, (int) Math.min(len, remaining));
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        if (n < 0) {
            failed = true;
            throw reader.endsEarly("file " + file.name(), file.folderOffset() + file.size());
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (release == null) {
                return;
            }
            if (failed) {
                reader.close();
            } else {
                release.accept(reader);
            }
        }
    }
}
