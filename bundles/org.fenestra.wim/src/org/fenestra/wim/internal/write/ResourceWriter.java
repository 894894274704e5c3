package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.ChunkCompressor;
import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.ResourceReader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;
import org.fenestra.wim.internal.read.BlobStreamer;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimProgressAdapters;

/**
 * Writes blobs as non-solid resources, one after another, with single-instance storage by
 * SHA-1. Compressed resources are a chunk table then the chunks (see
 * {@link org.fenestra.wim.internal.format.ChunkTable}): the table's size follows from the blob size, so
 * its space is reserved first and filled in once every chunk's stored size is known.
 *
 * <p>The calling thread reads each blob, hashes it and cuts it into chunks; the chunks are
 * compressed on the worker threads of an {@link OrderedPipeline} and written here, in order,
 * as their results come back, across blob boundaries so that many small files keep every
 * core busy. Memory stays at a bounded number of chunks in flight, whatever the blob sizes.
 *
 * <p>As wimlib does: a chunk the compressor cannot shrink is stored raw; a resource whose
 * compressed form is not smaller than its data is rewritten uncompressed (without the
 * COMPRESSED flag); a blob whose hash turns out to equal one already written is discarded by
 * moving the write position back over it.
 */
final class ResourceWriter implements AutoCloseable {
    private enum Kind {
        START, CHUNK, END, RAW_COPY
    }

    private record Item(Kind kind, OutputBlob blob, byte[] data, int length, byte[] packed, int packedLength,
            Resource rawResource) {
        static Item marker(Kind k, OutputBlob b) {
            return new Item(k, b, null, 0, null, 0, null);
        }
    }

    private static final int UNCOMPRESSED_PIECE = 1 << 20;

    private final OutputFile out;
    private final CompressionType type;
    private final int chunkSize;
    private final WimProgress progress;
    private final ThreadLocal<ChunkCompressor> compressors;
    private final Map<BlobDescriptor.Sha1Key, OutputBlob> stored = new HashMap<>();
    private final OrderedPipeline<Item> pipeline;

    // Sink state: the resource being written.
    private long start;
    private long dataStart;
    private long[] chunkOffsets;
    private int chunkIndex;

    ResourceWriter(OutputFile out, CompressionType type, int chunkSize, int level, WimProgress progress) {
        this.out = out;
        this.type = type;
        this.chunkSize = type == CompressionType.NONE ? UNCOMPRESSED_PIECE : chunkSize;
        this.progress = progress;
        this.compressors = ThreadLocal.withInitial(() -> Compressors.create(type, chunkSize, level));
        this.pipeline = new OrderedPipeline<>(OrderedPipeline.parallelism(3L * this.chunkSize), this::accept);
    }

    private boolean chunked() {
        return type != CompressionType.NONE;
    }

    /** Blobs the file already holds (an in-place append): new blobs with their SHA-1 are not written again. */
    void alreadyStored(java.util.Collection<OutputBlob> blobs) {
        for (OutputBlob b : blobs) {
            stored.putIfAbsent(b.key(), b);
        }
    }

    /**
     * Writes {@code blob} unless a blob with the same SHA-1 is already stored (then it is marked
     * as that blob's duplicate). Blobs of size 0 are never stored.
     */
    void write(OutputBlob blob) throws IOException {
        if (!claim(blob)) {
            return;
        }
        if (copiesRaw(blob)) {
            pipeline.add(new Item(Kind.RAW_COPY, blob, null, 0, null, 0, blob.source().rawCopyCandidate()));
            return;
        }
        Chunker chunker = begin(blob);
        blob.source().read(chunker);
        end(chunker);
    }

    /**
     * Writes every blob of {@code blobs}, as {@link #write} does one. The blobs that must be
     * read from other WIMs (recompressed) are read last and together: each of their resources
     * is read once, in file order, and decompressed on the worker threads, ahead of the
     * compression of what was read before.
     */
    void writeAll(List<OutputBlob> blobs) throws IOException {
        verifyRawCopies(blobs);
        Map<BlobDescriptor, OutputBlob> fromWims = new IdentityHashMap<>();
        for (OutputBlob b : blobs) {
            BlobDescriptor d = b.source().wimBlob();
            if (d == null || !b.hashKnown() || b.isMetadata() || copiesRaw(b) || fromWims.containsKey(d)) {
                write(b);
            } else if (claim(b)) {
                fromWims.put(d, b);
            }
        }
        if (fromWims.isEmpty()) {
            return;
        }
        BlobStreamer.stream(new ArrayList<>(fromWims.keySet()), new BlobStreamer.BlobSink() {
            private Chunker chunker;

            @Override
            public void begin(BlobDescriptor blob) throws IOException {
                chunker = ResourceWriter.this.begin(fromWims.get(blob));
            }

            @Override
            public void data(BlobDescriptor blob, byte[] b, int off, int len) throws IOException {
                chunker.accept(b, off, len);
            }

            @Override
            public void end(BlobDescriptor blob) throws IOException {
                ResourceWriter.this.end(chunker);
            }
        }, WimProgressAdapters.noWork(progress)); // the chunks written count as the work
    }

    /**
     * Checks the data of the blobs that will be copied as they are stored: compressed bytes
     * copied unread would carry a corruption into the new WIM (wimlib's export does).
     */
    private void verifyRawCopies(List<OutputBlob> blobs) throws IOException {
        java.util.Set<BlobDescriptor> raw = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (OutputBlob b : blobs) {
            BlobDescriptor d = b.source().wimBlob();
            if (d != null && !b.isMetadata() && copiesRaw(b)) {
                raw.add(d);
            }
        }
        BlobStreamer.verify(new ArrayList<>(raw), WimProgressAdapters.noWork(progress));
    }

    /**
     * Whether {@code blob} is to be written: false for an empty blob, and for one whose SHA-1
     * is already stored (it is marked as that blob's duplicate, unless it is that blob).
     */
    private boolean claim(OutputBlob blob) throws IOException {
        WimProgress.checkCanceled(progress);
        if (blob.size() == 0) {
            throw new IllegalArgumentException("empty blobs are not stored");
        }
        if (blob.hashKnown() && !blob.isMetadata()) {
            OutputBlob kept = stored.putIfAbsent(blob.key(), blob);
            if (kept != null && kept != blob) {
                blob.markDuplicateOf(kept);
                return false;
            }
            return kept == null;
        }
        return true;
    }

    private Chunker begin(OutputBlob blob) throws IOException {
        pipeline.add(Item.marker(Kind.START, blob));
        return new Chunker(blob);
    }

    /** Checks (or records) the SHA-1 of the data the chunker saw, and closes the resource. */
    private void end(Chunker chunker) throws IOException {
        OutputBlob blob = chunker.blob;
        byte[] hash = chunker.finish();
        if (blob.hashKnown()) {
            if (!Arrays.equals(hash, blob.hash())) {
                throw new BlobHashMismatchException(blob.source().describe() + ": data has SHA-1 "
                        + LittleEndian.hex(hash) + ", expected " + LittleEndian.hex(blob.hash()));
            }
        } else if (!blob.isMetadata()) {
            blob.setHash(hash);
            OutputBlob kept = stored.putIfAbsent(blob.key(), blob);
            if (kept != null) {
                blob.markDuplicateOf(kept);
            }
        }
        pipeline.add(Item.marker(Kind.END, blob));
    }

    /**
     * Whether {@link #write} copies {@code blob}'s stored bytes as they are: its SHA-1 is known
     * (the source's blob table names it) and its resource qualifies (see below).
     */
    boolean copiesRaw(OutputBlob blob) {
        Resource raw = blob.source().rawCopyCandidate();
        return blob.hashKnown() && raw != null && canCopyRaw(raw, blob.source());
    }

    /**
     * A resource is copied unchanged when it is compressed exactly as the output would be, or
     * when it is stored raw in a WIM compressed like the output: its writer found that
     * compressing it does not make it smaller, so compressing it again would only spend the
     * time (wimlib does spend it).
     */
    private boolean canCopyRaw(Resource r, BlobSource source) {
        if (!chunked() || r.solid() || r.pipable()) {
            return false;
        }
        if (r.header().has(ResourceHeader.FLAG_COMPRESSED)) {
            return r.compression() == type && r.chunkSize() == chunkSize;
        }
        return source.storedRawIn(type, chunkSize);
    }

    /** Delivers every pending chunk to the file. */
    void flush() throws IOException {
        pipeline.finish();
    }

    /** Hands each chunk of a blob to the pipeline: compressed on a worker, or as it is when uncompressed. */
    private final class Chunker extends BlobChunker {
        Chunker(OutputBlob blob) {
            super(blob, chunkSize, progress);
        }

        @Override
        void chunk(byte[] data, int length) throws IOException {
            if (!chunked()) {
                pipeline.add(new Item(Kind.CHUNK, blob, data, length, null, 0, null));
                return;
            }
            pipeline.submit(() -> {
                byte[] packed = new byte[length];
                int n = compressors.get().compress(data, 0, length, packed, 0, packed.length);
                return new Item(Kind.CHUNK, blob, data, length, n > 0 ? packed : null, n, null);
            });
        }
    }

    // ---- sink side: runs on the calling thread, items in submission order ----

    private void accept(Item it) throws IOException {
        switch (it.kind()) {
            case START -> startResource(it.blob());
            case CHUNK -> chunk(it);
            case END -> endResource(it.blob());
            case RAW_COPY -> copyRaw(it.blob(), it.rawResource());
        }
    }

    private void startResource(OutputBlob blob) {
        start = out.position();
        chunkIndex = 0;
        if (chunked()) {
            long n = (blob.size() + chunkSize - 1) / chunkSize;
            chunkOffsets = new long[(int) n];
            out.position(start + (n - 1) * entrySize(blob.size()));
        }
        dataStart = out.position();
    }

    private static int entrySize(long size) {
        return size > 0xFFFFFFFFL ? 8 : 4;
    }

    private void chunk(Item it) throws IOException {
        if (chunked()) {
            chunkOffsets[chunkIndex++] = out.position() - dataStart;
        }
        if (it.packed() != null) {
            out.write(it.packed(), 0, it.packedLength());
        } else {
            out.write(it.data(), 0, it.length());
        }
        progress.worked(it.length());
    }

    private void endResource(OutputBlob blob) throws IOException {
        if (blob.isDuplicate()) {
            out.position(start);
            return;
        }
        long size = blob.size();
        long storedSize = out.position() - start;
        int flags = blob.isMetadata() ? ResourceHeader.FLAG_METADATA : 0;
        if (chunked() && storedSize < size) {
            writeChunkTable(size);
            blob.setReshdr(new ResourceHeader(storedSize, flags | ResourceHeader.FLAG_COMPRESSED, start, size));
        } else if (chunked()) {
            rewriteUncompressed(blob);
            blob.setReshdr(new ResourceHeader(size, flags, start, size));
        } else {
            blob.setReshdr(new ResourceHeader(storedSize, flags, start, size));
        }
    }

    /** Entry i is the offset of chunk i+1 from the end of the table; chunk 0 has no entry. */
    private void writeChunkTable(long size) throws IOException {
        int es = entrySize(size);
        int n = chunkOffsets.length;
        byte[] table = new byte[(n - 1) * es];
        for (int i = 1; i < n; i++) {
            LittleEndian.putN(table, (i - 1) * es, chunkOffsets[i], es);
        }
        out.writeAt(start, table, 0, table.length);
    }

    private void rewriteUncompressed(OutputBlob blob) throws IOException {
        out.position(start);
        MessageDigest sha = Sha1.newDigest();
        blob.source().read((b, off, len) -> {
            sha.update(b, off, len);
            out.write(b, off, len);
        });
        if (!Arrays.equals(sha.digest(), blob.hash())) {
            throw new IOException(blob.source().describe() + ": data changed while it was being written");
        }
    }

    private void copyRaw(OutputBlob blob, Resource r) throws IOException {
        long at = out.position();
        out.copyFrom(r);
        int flags = (r.header().flags() & ResourceHeader.FLAG_COMPRESSED)
                | (blob.isMetadata() ? ResourceHeader.FLAG_METADATA : 0);
        blob.setReshdr(new ResourceHeader(r.sizeInWim(), flags, at, r.uncompressedSize()));
        progress.worked(blob.size());
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
