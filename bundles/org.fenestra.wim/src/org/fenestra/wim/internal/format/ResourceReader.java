package org.fenestra.wim.internal.format;

import java.io.IOException;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.wim.errors.WimDecompressionException;
import org.fenestra.wim.errors.WimException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;

/**
 * Streams the uncompressed data of a resource, or of a byte range of it. Only the chunks that
 * overlap the range are read and decompressed; memory stays bounded by a few chunks (one
 * chunk for sequential reads, one per in-flight task for parallel reads).
 */
public final class ResourceReader {

    /** Receives uncompressed data in order. The array is only valid during the call. */
    public interface DataSink {
        void accept(byte[] b, int off, int len) throws IOException;
    }

    private static final int RAW_BUFFER = 1 << 20;
    private static final int TABLE_WINDOW = 1 << 12;

    private ResourceReader() {
    }

    /**
     * Streams {@code length} bytes at {@code offset} of the resource's uncompressed data.
     *
     * @param parallel decompress chunks on several threads (worth it for long ranges)
     */
    public static void read(Resource r, long offset, long length, boolean parallel, DataSink sink) throws IOException {
        checkResource(r);
        if (offset < 0 || length < 0 || offset > r.uncompressedSize() || length > r.uncompressedSize() - offset) {
            throw new WimFormatException(r.source().describe(r.describe(), r.offset(),
                    "range " + offset + "+" + length + " lies outside the uncompressed data"));
        }
        if (length == 0) {
            return;
        }
        if (!r.chunked()) {
            readRaw(r, offset, length, sink);
        } else if (parallel && length > r.chunkSize()) {
            readChunksParallel(r, offset, length, sink);
        } else {
            readChunks(r, offset, length, sink);
        }
    }

    /**
     * Reads a whole resource into memory; for structures that must be parsed in memory (blob
     * table, XML, metadata). {@code maxSize} bounds what a corrupt header can make us allocate.
     */
    public static byte[] readAll(Resource r, String structure, long maxSize) throws IOException {
        checkResource(r);
        long size = r.uncompressedSize();
        long limit = Math.min(maxSize, Math.min(Integer.MAX_VALUE - 16L, Runtime.getRuntime().maxMemory() / 2));
        if (size < 0 || size > limit) {
            throw new WimException(r.source().describe(structure, r.offset(), "uncompressed size " + Long.toUnsignedString(size)
                    + " exceeds the limit of " + limit + " bytes for this structure"));
        }
        byte[] out = new byte[(int) size];
        int[] pos = { 0 };
        read(r, 0, size, size > (4L << 20), (b, off, len) -> {
            System.arraycopy(b, off, out, pos[0], len);
            pos[0] += len;
        });
        return out;
    }

    public static void checkResource(Resource r) throws WimFormatException {
        if (!r.header().fitsIn(r.source().size())) {
            throw WimHeader.beyondEnd(r.source(), r.describe(), r.header());
        }
        if (!r.chunked() && r.sizeInWim() < r.uncompressedSize()) {
            throw new WimFormatException(r.source().describe(r.describe(), r.offset(),
                    "uncompressed resource is shorter than its uncompressed size"));
        }
    }

    private static void readRaw(Resource r, long offset, long length, DataSink sink) throws IOException {
        byte[] buf = new byte[(int) Math.min(RAW_BUFFER, length)];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buf.length, length - done);
            r.source().readFully(r.offset() + offset + done, buf, 0, n, r.describe());
            sink.accept(buf, 0, n);
            done += n;
        }
    }

    private static void readChunks(Resource r, long offset, long length, DataSink sink) throws IOException {
        long first = offset / r.chunkSize();
        long last = (offset + length - 1) / r.chunkSize();
        int cap = (int) Math.min(r.chunkSize(), r.uncompressedSize());
        byte[] stored = new byte[cap];
        byte[] plain = new byte[cap];
        for (long w = first; w <= last; w += TABLE_WINDOW) {
            ChunkTable table = ChunkTable.load(r, w, Math.min(last, w + TABLE_WINDOW - 1));
            for (long c = w; c <= Math.min(last, w + TABLE_WINDOW - 1); c++) {
                byte[] data = loadChunk(r, table, c, stored, plain);
                emit(r, c, table.uncompressedSize(c), data, offset, length, sink);
            }
        }
    }

    private static void readChunksParallel(Resource r, long offset, long length, DataSink sink) throws IOException {
        long first = offset / r.chunkSize();
        long last = (offset + length - 1) / r.chunkSize();
        int cap = (int) Math.min(r.chunkSize(), r.uncompressedSize());
        record Decoded(long chunk, int size, byte[] data) {
        }
        try (OrderedPipeline<Decoded> pipeline = new OrderedPipeline<>(OrderedPipeline.parallelism(2L * cap),
                d -> emit(r, d.chunk(), d.size(), d.data(), offset, length, sink))) {
            for (long w = first; w <= last; w += TABLE_WINDOW) {
                ChunkTable table = ChunkTable.load(r, w, Math.min(last, w + TABLE_WINDOW - 1));
                for (long c = w; c <= Math.min(last, w + TABLE_WINDOW - 1); c++) {
                    int usize = table.uncompressedSize(c);
                    byte[] stored = readStored(r, table, c);
                    long chunk = c;
                    long fileOffset = table.dataOffset(c);
                    pipeline.submit(() -> {
                        if (stored.length == usize) {
                            return new Decoded(chunk, usize, stored);
                        }
                        byte[] plain = new byte[usize];
                        decode(r, chunk, fileOffset, stored, stored.length, plain, usize);
                        return new Decoded(chunk, usize, plain);
                    });
                }
            }
            pipeline.finish();
        }
    }

    private static byte[] readStored(Resource r, ChunkTable table, long c) throws IOException {
        return r.source().readFully(table.dataOffset(c), table.storedSize(c), r.describe() + " chunk " + c);
    }

    private static byte[] loadChunk(Resource r, ChunkTable table, long c, byte[] stored, byte[] plain)
            throws IOException {
        int storedSize = table.storedSize(c);
        int usize = table.uncompressedSize(c);
        r.source().readFully(table.dataOffset(c), stored, 0, storedSize, r.describe() + " chunk " + c);
        if (storedSize == usize) {
            return stored; // stored raw: compression did not help
        }
        decode(r, c, table.dataOffset(c), stored, storedSize, plain, usize);
        return plain;
    }

    static void decode(Resource r, long chunk, long fileOffset, byte[] src, int srcLen, byte[] dst, int dstLen)
            throws IOException {
        ChunkDecompressor d = ChunkDecoders.forCurrentThread(r);
        try {
            d.decompress(src, 0, srcLen, dst, 0, dstLen);
        } catch (CorruptChunkException | RuntimeException e) {
            throw new WimDecompressionException(r.source().describe(r.describe() + " chunk " + chunk, fileOffset,
                    "cannot decompress " + srcLen + " bytes into " + dstLen + ": " + e.getMessage()), e);
        }
    }

    private static void emit(Resource r, long chunk, int usize, byte[] data, long offset, long length, DataSink sink)
            throws IOException {
        long chunkStart = chunk * r.chunkSize();
        long from = Math.max(offset, chunkStart);
        long to = Math.min(offset + length, chunkStart + usize);
        if (to > from) {
            sink.accept(data, (int) (from - chunkStart), (int) (to - from));
        }
    }
}
