package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.fenestra.wim.internal.format.ResourceReader;

/** The contents of a file on disk, read sequentially in 1 MiB pieces. */
final class FileBlobSource implements BlobSource {
    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final long expectedSize;

    FileBlobSource(Path path, long expectedSize) {
        this.path = path;
        this.expectedSize = expectedSize;
    }

    @Override
    public void read(ResourceReader.DataSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(1, expectedSize)));
            long total = 0;
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > expectedSize) {
                    break;
                }
                sink.accept(buf.array(), 0, n);
            }
            if (total != expectedSize) {
                throw new IOException("\"" + path + "\": file size changed while it was being captured (was "
                        + expectedSize + " bytes)");
            }
        }
    }

    @Override
    public String describe() {
        return "\"" + path + "\"";
    }
}
