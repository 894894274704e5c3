package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where a pipable WIM goes: written front to back and never sought back, since it may be a
 * pipe. A file is written under a temporary name and renamed into place by {@link #commit}
 * (as every new WIM is, see {@link OutputFile}); a stream is written as it comes.
 */
public final class PipableOutput implements AutoCloseable {
    private final OutputFile file; // null for a stream
    private final OutputStream stream; // null for a file
    private long position;

    private PipableOutput(OutputFile file, OutputStream stream) {
        this.file = file;
        this.stream = stream;
    }

    /** A new file that replaces {@code destination} on {@link #commit}. */
    public static PipableOutput toFile(Path destination) throws IOException {
        return new PipableOutput(OutputFile.createNew(destination), null);
    }

    /** A stream, e.g. standard output; it is flushed, not closed, by {@link #commit}. */
    public static PipableOutput toStream(OutputStream stream) {
        return new PipableOutput(null, stream);
    }

    /** Whether an integrity table can be added (it is computed by reading back what was written). */
    boolean seekable() {
        return file != null;
    }

    long position() {
        return position;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (file != null) {
            file.write(b, off, len);
        } else {
            stream.write(b, off, len);
        }
        position += len;
    }

    void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /** The integrity table of the file written so far (blob table ending at {@code blobTableEnd}). */
    byte[] integrityTable(long blobTableEnd, org.fenestra.wim.model.WimProgress progress) throws IOException {
        return IntegrityTableWriter.compute(file.channel(), blobTableEnd, progress);
    }

    void commit() throws IOException {
        if (file != null) {
            file.commit();
        } else {
            stream.flush();
        }
    }

    /** A failed file write leaves nothing behind; what went down a stream cannot be taken back. */
    @Override
    public void close() {
        if (file != null) {
            file.abandon();
        }
    }
}
