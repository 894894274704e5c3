package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.format.SolidResourceHeader;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;
import org.fenestra.wim.model.WimProgress;

/**
 * Writes file data as one solid resource, as {@code wimlib-imagex capture --solid} does:
 *
 * <pre>
 * solid resource header (16 bytes, see {@link SolidResourceHeader})
 * compressed size of each chunk, 4 bytes each
 * the chunks: the blobs' data one after the other, cut into chunks of the solid chunk size
 * </pre>
 *
 * A chunk that does not shrink is stored raw (its stored size then equals its size). The
 * blobs are first made unique by SHA-1 (blobs whose hash is not known and whose size another
 * blob shares are hashed up front, as wimlib does), so the resource size, the chunk count and
 * the table's space are known before any data is written. Chunks are compressed on the
 * {@link OrderedPipeline}'s workers; how many are in flight is bounded by the heap, since a
 * chunk may be 64 MiB.
 */
final class SolidResourceWriter {
    private record Chunk(byte[] data, int length, byte[] packed, int packedLength) {
    }

    private final OutputFile out;
    private final CompressionType type;
    private final int chunkSize;
    private final int level;
    private final WimProgress progress;

    // Sink state.
    private int[] storedSizes;
    private int chunkIndex;

    SolidResourceWriter(OutputFile out, CompressionType type, int chunkSize, int level, WimProgress progress) {
        if (type == CompressionType.NONE) {
            throw new IllegalArgumentException("solid resources must be compressed");
        }
        this.out = out;
        this.type = type;
        this.chunkSize = chunkSize;
        this.level = level;
        this.progress = progress;
    }

    /**
     * Writes the distinct blobs of {@code blobs} (in that order) into one solid resource at the
     * current position; duplicates are marked as such. Nothing is written if no blob has data.
     */
    void write(List<OutputBlob> blobs) throws IOException {
        List<OutputBlob> unique = distinct(blobs);
        long total = 0;
        for (OutputBlob b : unique) {
            total += b.size();
        }
        if (total == 0) {
            return;
        }
        long n = (total + chunkSize - 1) / chunkSize;
        if (n > Integer.MAX_VALUE / 4) {
            throw new IOException("solid resource of " + total + " bytes has too many chunks");
        }
        storedSizes = new int[(int) n];
        chunkIndex = 0;
        long start = out.position();
        out.position(start + SolidResourceHeader.DISK_SIZE + 4 * n);
        // A pool rather than thread-locals: at most one compressor per chunk in flight, and all
        // of them (an LZMS one for 64 MiB chunks holds several hundred MiB) freed when done.
        ConcurrentLinkedQueue<ChunkCompressor> compressors = new ConcurrentLinkedQueue<>();
        try (OrderedPipeline<Chunk> pipeline = new OrderedPipeline<>(inFlight(type, chunkSize), this::accept)) {
            Chunker chunker = new Chunker(pipeline, compressors, total);
            for (OutputBlob b : unique) {
                WimProgress.checkCanceled(progress);
                chunker.blob(b);
            }
            chunker.flush();
            pipeline.finish();
        }
        if (chunkIndex != n) {
            throw new IllegalStateException(chunkIndex + " chunks written, " + n + " expected");
        }
        byte[] head = new byte[(int) (SolidResourceHeader.DISK_SIZE + 4 * n)];
        LittleEndian.put64(head, 0, total);
        LittleEndian.put32(head, 8, chunkSize);
        LittleEndian.put32(head, 12, formatNumber(type));
        for (int i = 0; i < n; i++) {
            LittleEndian.put32(head, SolidResourceHeader.DISK_SIZE + 4 * i, storedSizes[i]);
        }
        out.writeAt(start, head, 0, head.length);
        ResourceHeader resource = new ResourceHeader(out.position() - start, ResourceHeader.FLAG_SOLID, start, total);
        long offset = 0;
        for (OutputBlob b : unique) {
            b.placeInSolidResource(resource, offset);
            offset += b.size();
        }
    }

    /** The compression format number of the solid resource header (wimlib's numbering). */
    static int formatNumber(CompressionType t) {
        return switch (t) {
            case NONE -> 0;
            case XPRESS -> 1;
            case LZX -> 2;
            case LZMS -> 3;
        };
    }

    /**
     * Chunks in flight: each holds its data and its compressed copy plus a compressor's working
     * memory (an LZMS compressor for 64 MiB chunks needs about 930 MiB: its window, output
     * buffer and suffix-array match finder; see LzmsCompressor), some seventeen times the chunk
     * size in all; XPRESS and LZX chunks are small. The budget is the heap less 1 GiB for the
     * rest of the program, or half the heap if that is more: so two 64 MiB LZMS chunks are
     * compressed at once from a heap of about 3.1 GiB (./fenestra lets the heap take half the
     * memory, so from about 6.3 GiB of memory). With room for one chunk only, compression runs on the
     * calling thread (below 2 GiB of heap the LZMS compressor also narrows its window).
     * Small chunks: up to two per processor, so that no worker waits for the reader. LZMS
     * chunks: one per processor, since reading one takes a fraction of a second against half a
     * minute of compressing, so more would only hold memory. (Whole-corpus captures took
     * 273-310 s with two in flight and 294-308 s with four: within the run-to-run spread.)
     */
    static int inFlight(CompressionType type, int chunkSize) {
        return inFlight(type, chunkSize, Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
    }

    static int inFlight(CompressionType type, int chunkSize, long maxHeap, int processors) {
        long perChunk = (type == CompressionType.LZMS ? 17L : 4L) * chunkSize;
        long budget = Math.max(maxHeap / 2, maxHeap - (1L << 30));
        long byCpu = (type == CompressionType.LZMS ? 1L : 2L) * processors;
        return (int) Math.max(1, Math.min(byCpu, budget / perChunk));
    }

    /** Keeps the first blob of each SHA-1; the others are marked as its duplicates. */
    private List<OutputBlob> distinct(List<OutputBlob> blobs) throws IOException {
        Map<Long, Integer> sizes = new HashMap<>();
        for (OutputBlob b : blobs) {
            sizes.merge(b.size(), 1, Integer::sum);
        }
        Map<BlobDescriptor.Sha1Key, OutputBlob> kept = new HashMap<>();
        List<OutputBlob> unique = new ArrayList<>();
        for (OutputBlob b : blobs) {
            if (b.size() == 0 || b.isDuplicate()) {
                continue;
            }
            if (!b.hashKnown()) {
                if (sizes.get(b.size()) == 1) {
                    unique.add(b); // no other blob has its size: hashed while it is written
                    continue;
                }
                WimProgress.checkCanceled(progress);
                MessageDigest sha = Sha1.newDigest();
                b.source().read(sha::update);
                b.setHash(sha.digest());
            }
            OutputBlob first = kept.putIfAbsent(b.key(), b);
            if (first == null) {
                unique.add(b);
            } else if (first != b) {
                b.markDuplicateOf(first);
            }
        }
        return unique;
    }

    /** Cuts the blobs' data into chunks across blob boundaries and hands them to the pipeline. */
    private final class Chunker {
        private final OrderedPipeline<Chunk> pipeline;
        private final ConcurrentLinkedQueue<ChunkCompressor> compressors;
        private long remaining; // bytes of the resource not yet handed on
        private byte[] buf;
        private int fill;

        Chunker(OrderedPipeline<Chunk> pipeline, ConcurrentLinkedQueue<ChunkCompressor> compressors, long total) {
            this.pipeline = pipeline;
            this.compressors = compressors;
            this.remaining = total;
            this.buf = new byte[(int) Math.min(chunkSize, total)];
        }

        void blob(OutputBlob blob) throws IOException {
            MessageDigest sha = Sha1.newDigest();
            long[] received = new long[1];
            blob.source().read((b, off, len) -> {
                received[0] += len;
                if (received[0] > blob.size()) {
                    throw new IOException(blob.source().describe() + ": more data than the expected " + blob.size()
                            + " bytes");
                }
                sha.update(b, off, len);
                append(b, off, len);
            });
            if (received[0] != blob.size()) {
                throw new IOException(blob.source().describe() + ": " + received[0] + " bytes read, expected "
                        + blob.size());
            }
            byte[] hash = sha.digest();
            if (!blob.hashKnown()) {
                blob.setHash(hash);
            } else if (!Arrays.equals(hash, blob.hash())) {
                throw new BlobHashMismatchException(blob.source().describe() + ": data has SHA-1 "
                        + LittleEndian.hex(hash) + ", expected " + LittleEndian.hex(blob.hash()));
            }
        }

        private void append(byte[] b, int off, int len) throws IOException {
            int p = off;
            int left = len;
            while (left > 0) {
                int k = Math.min(left, buf.length - fill);
                System.arraycopy(b, p, buf, fill, k);
                fill += k;
                p += k;
                left -= k;
                if (fill == buf.length) {
                    submit();
                }
            }
        }

        private void submit() throws IOException {
            WimProgress.checkCanceled(progress);
            byte[] data = buf;
            int length = fill;
            remaining -= length;
            buf = remaining > 0 ? new byte[(int) Math.min(chunkSize, remaining)] : new byte[0];
            fill = 0;
            pipeline.submit(() -> {
                ChunkCompressor c = compressors.poll();
                if (c == null) {
                    c = Compressors.create(type, chunkSize, level);
                }
                byte[] packed = new byte[length];
                int k = c.compress(data, 0, length, packed, 0, packed.length);
                compressors.add(c);
                return k > 0 ? new Chunk(data, length, packed, k) : new Chunk(data, length, null, 0);
            });
        }

        void flush() throws IOException {
            if (fill > 0) {
                submit();
            }
        }
    }

    /** Sink side, on the calling thread, in chunk order. */
    private void accept(Chunk c) throws IOException {
        if (c.packed() != null) {
            out.write(c.packed(), 0, c.packedLength());
            storedSizes[chunkIndex++] = c.packedLength();
        } else {
            out.write(c.data(), 0, c.length());
            storedSizes[chunkIndex++] = c.length();
        }
        progress.worked(c.length());
    }
}
