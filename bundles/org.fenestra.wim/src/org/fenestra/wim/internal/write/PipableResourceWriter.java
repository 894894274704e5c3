package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.util.Arrays;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.PipableBlobHeader;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;
import org.fenestra.wim.model.WimProgress;

/**
 * Writes resources in wimlib's pipable layout (see {@link PipableBlobHeader}), strictly in
 * order: the blob header, then each chunk preceded by its stored size, then the chunk table.
 * Nothing is rewritten afterwards, so, unlike {@link ResourceWriter}, a resource that does
 * not shrink stays compressed (as wimlib's pipable resources do), and every blob's SHA-1 must
 * be known before it is written. Chunks are compressed on the pipeline's workers.
 */
final class PipableResourceWriter implements AutoCloseable {
    private enum Kind {
        START, CHUNK, END
    }

    private record Item(Kind kind, OutputBlob blob, boolean compressed, byte[] data, int length, byte[] packed,
            int packedLength) {
        static Item marker(Kind k, OutputBlob b, boolean compressed) {
            return new Item(k, b, compressed, null, 0, null, 0);
        }
    }

    private static final int UNCOMPRESSED_PIECE = 1 << 20;

    private final PipableOutput out;
    private final int chunkSize;
    private final WimProgress progress;
    private final ThreadLocal<ChunkCompressor> compressors;
    private final OrderedPipeline<Item> pipeline;

    // Sink state: the resource being written.
    private long start;
    private long[] chunkSizes;
    private int chunkIndex;

    PipableResourceWriter(PipableOutput out, CompressionType type, int chunkSize, int level, WimProgress progress) {
        this.out = out;
        this.chunkSize = type == CompressionType.NONE ? UNCOMPRESSED_PIECE : chunkSize;
        this.progress = progress;
        this.compressors = type == CompressionType.NONE ? null
                : ThreadLocal.withInitial(() -> Compressors.create(type, chunkSize, level));
        this.pipeline = new OrderedPipeline<>(OrderedPipeline.parallelism(3L * this.chunkSize), this::accept);
    }

    /**
     * Writes {@code blob} (whose SHA-1 is known) compressed when this writer compresses and
     * {@code compress} allows it (the XML data and the blob table are stored raw). Its resource
     * header is set once {@link #flush} has run.
     */
    void write(OutputBlob blob, boolean compress) throws IOException {
        WimProgress.checkCanceled(progress);
        boolean compressed = compress && compressors != null;
        pipeline.add(Item.marker(Kind.START, blob, compressed));
        Chunker chunker = new Chunker(blob, compressed);
        blob.source().read(chunker);
        byte[] hash = chunker.finish();
        if (!Arrays.equals(hash, blob.hash())) { // its header went out with its SHA-1: other data must not pass
            throw new BlobHashMismatchException(blob.source().describe() + ": data has SHA-1 "
                    + LittleEndian.hex(hash) + ", expected " + LittleEndian.hex(blob.hash()));
        }
        pipeline.add(Item.marker(Kind.END, blob, compressed));
    }

    void flush() throws IOException {
        pipeline.finish();
    }

    /** Hands each piece of a blob to the pipeline: compressed on a worker, or as it is. */
    private final class Chunker extends BlobChunker {
        private final boolean compressed;

        Chunker(OutputBlob blob, boolean compressed) {
            super(blob, compressed ? chunkSize : UNCOMPRESSED_PIECE, progress);
            this.compressed = compressed;
        }

        @Override
        void chunk(byte[] data, int length) throws IOException {
            if (!compressed) {
                pipeline.add(new Item(Kind.CHUNK, blob, false, data, length, null, 0));
                return;
            }
            pipeline.submit(() -> {
                byte[] packed = new byte[length];
                int n = compressors.get().compress(data, 0, length, packed, 0, packed.length);
                return new Item(Kind.CHUNK, blob, true, data, length, n > 0 ? packed : null, n);
            });
        }
    }

    // ---- sink side: runs on the calling thread, items in submission order ----

    private void accept(Item it) throws IOException {
        switch (it.kind()) {
            case START -> startResource(it);
            case CHUNK -> chunk(it);
            case END -> endResource(it);
        }
    }

    private int flags(Item it) {
        return (it.blob().isMetadata() ? ResourceHeader.FLAG_METADATA : 0)
                | (it.compressed() ? ResourceHeader.FLAG_COMPRESSED : 0);
    }

    private void startResource(Item it) throws IOException {
        OutputBlob blob = it.blob();
        out.write(new PipableBlobHeader(blob.size(), blob.hash(), flags(it)).toBytes());
        start = out.position();
        chunkIndex = 0;
        chunkSizes = it.compressed() ? new long[Math.toIntExact((blob.size() + chunkSize - 1) / chunkSize)] : null;
    }

    private void chunk(Item it) throws IOException {
        byte[] bytes = it.packed() != null ? it.packed() : it.data();
        int length = it.packed() != null ? it.packedLength() : it.length();
        if (it.compressed()) {
            byte[] size = new byte[PipableBlobHeader.CHUNK_HEADER_SIZE];
            LittleEndian.put32(size, 0, length);
            out.write(size);
            chunkSizes[chunkIndex++] = length;
        }
        out.write(bytes, 0, length);
        if (!it.blob().isMetadata()) {
            progress.worked(it.length()); // file data is the work reported
        }
    }

    /** Entry i of the chunk table is the offset of chunk i+1, not counting the chunks' size headers. */
    private void endResource(Item it) throws IOException {
        OutputBlob blob = it.blob();
        if (it.compressed()) {
            int es = blob.size() > 0xFFFFFFFFL ? 8 : 4;
            byte[] table = new byte[(chunkSizes.length - 1) * es];
            long offset = 0;
            for (int i = 1; i < chunkSizes.length; i++) {
                offset += chunkSizes[i - 1];
                LittleEndian.putN(table, (i - 1) * es, offset, es);
            }
            out.write(table);
        }
        blob.setReshdr(new ResourceHeader(out.position() - start, flags(it), start, blob.size()));
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
