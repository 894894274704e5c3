package org.fenestra.wim.internal.read;

import java.io.IOException;

import org.fenestra.wim.internal.format.ResourceReader;

/**
 * The chunk of a solid resource decompressed last, kept for the next blob: a solid resource
 * packs many small blobs into chunks of up to 64 MiB, and reading blobs one by one in file order
 * through this cache decompresses each chunk once instead of once per blob.
 */
public final class SolidChunkCache {
    private org.fenestra.wim.internal.format.Resource resource;
    private long chunkIndex = -1;
    private byte[] chunk;

    /**
     * Streams {@code length} bytes at {@code offset} of solid resource {@code r} to {@code sink};
     * ranges over more than two chunks are read straight (in parallel), as caching pays only for
     * the chunks a blob shares with its neighbours.
     */
    public synchronized void read(org.fenestra.wim.internal.format.Resource r, long offset, long length, ResourceReader.DataSink sink)
            throws IOException {
        long cs = r.chunkSize();
        long first = offset / cs;
        long last = length == 0 ? first : (offset + length - 1) / cs;
        if (length == 0 || last - first > 1) {
            ResourceReader.read(r, offset, length, true, sink);
            return;
        }
        long pos = offset;
        long end = offset + length;
        for (long i = first; i <= last; i++) {
            byte[] data = chunk(r, i);
            long chunkStart = i * cs;
            int from = (int) (pos - chunkStart);
            int to = (int) (Math.min(end, chunkStart + data.length) - chunkStart);
            sink.accept(data, from, to - from);
            pos = chunkStart + to;
        }
    }

    private byte[] chunk(org.fenestra.wim.internal.format.Resource r, long index) throws IOException {
        if (r == resource && index == chunkIndex) {
            return chunk;
        }
        long start = index * r.chunkSize();
        int len = (int) Math.min(r.chunkSize(), r.uncompressedSize() - start);
        byte[] data = new byte[len];
        int[] fill = new int[1];
        chunk = null; // let the old chunk go before the new one is allocated... and filled
        ResourceReader.read(r, start, len, false, (b, off, n) -> {
            System.arraycopy(b, off, data, fill[0], n);
            fill[0] += n;
        });
        resource = r;
        chunkIndex = index;
        chunk = data;
        return data;
    }
}
