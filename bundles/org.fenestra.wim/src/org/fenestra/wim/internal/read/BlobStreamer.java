package org.fenestra.wim.internal.read;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.ChunkDecompressor;
import org.fenestra.compress.CorruptChunkException;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.WimDecompressionException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ChunkDecoders;
import org.fenestra.wim.internal.format.ChunkTable;
import org.fenestra.wim.internal.format.CorruptBlobs;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceReader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;
import org.fenestra.wim.model.WimProgress;

/**
 * Reads many blobs with each resource read once, in file order: a solid resource holding many
 * blobs is decompressed a single time and its data split among them.
 *
 * <p>All resources go through one {@link OrderedPipeline}: worker threads read and decompress
 * batches of chunks (many small resources per batch, or one large chunk) while the calling
 * thread hands the data, in order, to the sink. Memory stays bounded by the batches in flight
 * (for solid resources: one chunk each), and their buffers are reused.
 *
 * <p>Every blob's data is hashed as it is handed over, and its end is confirmed to the sink only
 * when it matches the blob's SHA-1 ({@link BlobSink#corrupted} otherwise): no reader of file
 * data can take corrupted bytes for good ones.
 */
public final class BlobStreamer {

    /** Receives each blob's data between {@link #begin} and {@link #end}. */
    public interface BlobSink {
        void begin(BlobDescriptor blob) throws IOException;

        void data(BlobDescriptor blob, byte[] b, int off, int len) throws IOException;

        void end(BlobDescriptor blob) throws IOException;

        /**
         * A resource could not be read; {@code affected} lists its blobs not yet ended. Return
         * normally to continue with the next resource, or throw to stop.
         */
        default void failed(List<BlobDescriptor> affected, WimFormatException error) throws IOException {
            throw error;
        }

        /**
         * All of {@code blob}'s data was delivered but does not hash to its SHA-1: {@link #end}
         * is not called for it, and the data received must not be taken as the blob's. Return
         * normally to continue with the next blob, or throw to stop.
         */
        default void corrupted(BlobDescriptor blob, BlobHashMismatchException error) throws IOException {
            throw error;
        }
    }

    /** Uncompressed bytes a batch of small chunks aims at. */
    private static final int BATCH_BYTES = 1 << 20;
    /** Raw (uncompressed) resources are read in pieces of this size. */
    private static final int RAW_PIECE = 1 << 20;
    /** Chunk table entries loaded at a time for large resources (as {@link ResourceReader} does). */
    private static final int TABLE_WINDOW = 1 << 12;

    private BlobStreamer() {
    }

    public static void stream(List<BlobDescriptor> blobs, BlobSink sink, WimProgress progress) throws IOException {
        Map<Resource, List<BlobDescriptor>> byResource = new IdentityHashMap<>();
        for (BlobDescriptor b : blobs) {
            byResource.computeIfAbsent(b.resource(), r -> new ArrayList<>()).add(b);
        }
        List<Resource> order = new ArrayList<>(byResource.keySet());
        order.sort(Comparator.comparing((Resource r) -> r.source().path().toString()).thenComparingLong(Resource::offset));
        long largest = BATCH_BYTES;
        for (Resource r : order) {
            if (r.chunked()) {
                largest = Math.max(largest, Math.min(r.chunkSize(), r.uncompressedSize()));
            }
        }
        new Streamer(sink, progress, largest).run(order, byResource);
    }

    /**
     * Reads every blob and checks its SHA-1, throwing the first {@link BlobHashMismatchException}
     * or read error: for writers that copy resources as they are stored (compressed bytes copied
     * unread would carry a corruption into the new file).
     */
    public static void verify(List<BlobDescriptor> blobs, WimProgress progress) throws IOException {
        stream(blobs, new BlobSink() {
            @Override
            public void begin(BlobDescriptor blob) {
            }

            @Override
            public void data(BlobDescriptor blob, byte[] b, int off, int len) {
            }

            @Override
            public void end(BlobDescriptor blob) {
            }
        }, progress);
    }

    /** A range of one resource's uncompressed data, decoded by a worker; or a deferred error. */
    private static final class Item {
        final Dispatcher dispatcher;
        final Resource resource;
        final long firstChunk; // chunked: chunks firstChunk..lastChunk are decoded whole
        final long lastChunk;
        final long from; // uncompressed range to deliver
        final long to;
        final int decodedSize; // bytes this item occupies in the batch buffer
        final boolean lastOfResource;
        final ChunkTable table; // null: the worker loads it
        int bufferOffset;
        int decodedOk; // with an error: bytes decoded before it
        WimFormatException error;
        /** SHA-1 of each blob wholly inside {@code [from, to)}, computed by the worker; null if none. */
        Map<BlobDescriptor, byte[]> hashes;

        private Item(Dispatcher d, Resource r, long firstChunk, long lastChunk, long from, long to, int decodedSize,
                boolean lastOfResource, ChunkTable table) {
            this.table = table;
            this.dispatcher = d;
            this.resource = r;
            this.firstChunk = firstChunk;
            this.lastChunk = lastChunk;
            this.from = from;
            this.to = to;
            this.decodedSize = decodedSize;
            this.lastOfResource = lastOfResource;
        }

        /** No data: the resource cannot be read; delivering it reports {@code error} for its blobs. */
        static Item failed(Dispatcher d, Resource r, long at, WimFormatException error) {
            Item item = empty(d, r, at);
            item.error = error;
            return item;
        }

        /** No data: the wanted range is empty. */
        static Item empty(Dispatcher d, Resource r, long at) {
            return new Item(d, r, 0, -1, at, at, 0, true, null);
        }

        /** Bytes {@code [from, to)} of an uncompressed (not chunked) resource. */
        static Item raw(Dispatcher d, Resource r, long from, long to, boolean lastOfResource) {
            return new Item(d, r, 0, -1, from, to, (int) (to - from), lastOfResource, null);
        }

        /**
         * Chunks {@code firstChunk..lastChunk} decoded whole, delivering {@code [from, to)} of
         * them; {@code table} null when the worker loads the chunk table itself.
         */
        static Item chunks(Dispatcher d, Resource r, long firstChunk, long lastChunk, long from, long to,
                boolean lastOfResource, ChunkTable table) {
            long cs = r.chunkSize();
            long decodedEnd = Math.min((lastChunk + 1) * cs, r.uncompressedSize());
            return new Item(d, r, firstChunk, lastChunk, from, Math.min(to, decodedEnd),
                    (int) (decodedEnd - firstChunk * cs), lastOfResource, table);
        }

        /** Offset in the uncompressed data of the first byte placed in the buffer. */
        long decodedStart() {
            return resource.chunked() ? firstChunk * resource.chunkSize() : from;
        }

        /**
         * On the worker, after decoding: hashes the blobs that lie wholly in this item, so the
         * delivering thread (which also writes the data out) hashes only blobs that span items.
         */
        void hashWholeBlobs(byte[] buffer) {
            List<BlobDescriptor> blobs = dispatcher.blobs;
            int lo = 0;
            int hi = blobs.size();
            while (lo < hi) { // first blob starting at or after from (the list is sorted by offset)
                int mid = (lo + hi) >>> 1;
                if (blobs.get(mid).offsetInResource() < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            MessageDigest sha = WORKER_SHA.get();
            for (int i = lo; i < blobs.size(); i++) {
                BlobDescriptor blob = blobs.get(i);
                long start = blob.offsetInResource();
                if (start + blob.size() > to) {
                    break;
                }
                if (blob.size() > 0) {
                    sha.update(buffer, bufferOffset + (int) (start - decodedStart()), (int) blob.size());
                    if (hashes == null) {
                        hashes = new IdentityHashMap<>();
                    }
                    hashes.put(blob, sha.digest());
                }
            }
        }
    }

    /** Items decoded together into one buffer. */
    private static final class Batch {
        final List<Item> items = new ArrayList<>();
        int size;
        byte[] buffer;
    }

    private static final class Streamer {
        private final BlobSink sink;
        private final WimProgress progress;
        private final ArrayDeque<byte[]> pool = new ArrayDeque<>();
        private final MessageDigest sha = Sha1.newDigest(); // used on the delivering thread only
        private final int maxInFlight;
        private final int poolLimit;
        private Batch batch = new Batch();
        private OrderedPipeline<Batch> pipeline;

        Streamer(BlobSink sink, WimProgress progress, long largestUnit) {
            this.sink = sink;
            this.progress = progress;
            int cores = Runtime.getRuntime().availableProcessors();
            long budget = Math.min(Runtime.getRuntime().maxMemory() / 4, 512L << 20);
            // a task holds its output buffer and, on its worker, a stored-data buffer
            long byMemory = Math.max(1, budget / (2 * largestUnit));
            this.maxInFlight = (int) Math.max(1, Math.min(byMemory, cores == 1 ? 1 : 2L * cores + 1));
            this.poolLimit = maxInFlight + 1;
        }

        void run(List<Resource> order, Map<Resource, List<BlobDescriptor>> byResource) throws IOException {
            try (OrderedPipeline<Batch> p = new OrderedPipeline<>(maxInFlight, this::deliver)) {
                pipeline = p;
                for (Resource r : order) {
                    List<BlobDescriptor> group = byResource.get(r);
                    group.sort(Comparator.comparingLong(BlobDescriptor::offsetInResource));
                    plan(r, new Dispatcher(group, sink, progress, sha));
                }
                flush();
                p.finish();
            }
        }

        /** Splits the resource's wanted range into items (in order) and adds them to batches. */
        private void plan(Resource r, Dispatcher d) throws IOException {
            List<BlobDescriptor> blobs = d.blobs;
            long start = blobs.get(0).offsetInResource();
            long end = 0;
            for (BlobDescriptor b : blobs) {
                end = Math.max(end, b.offsetInResource() + b.size());
            }
            d.position = start;
            try {
                ResourceReader.checkResource(r);
                if (start < 0 || end < start || start > r.uncompressedSize() || end > r.uncompressedSize()) {
                    throw new WimFormatException(r.source().describe(r.describe(), r.offset(),
                            "range " + start + "+" + (end - start) + " lies outside the uncompressed data"));
                }
            } catch (WimFormatException e) {
                add(Item.failed(d, r, start, e));
                return;
            }
            if (end == start) {
                add(Item.empty(d, r, start));
                return;
            }
            if (!r.chunked()) {
                for (long f = start; f < end; f += RAW_PIECE) {
                    long t = Math.min(end, f + RAW_PIECE);
                    add(Item.raw(d, r, f, t, t == end));
                }
                return;
            }
            long cs = r.chunkSize();
            long first = start / cs;
            long last = (end - 1) / cs;
            long perItem = Math.max(1, BATCH_BYTES / cs);
            if (last - first < perItem) { // one item: its worker loads the chunk table
                add(Item.chunks(d, r, first, last, start, end, true, null));
                return;
            }
            // as a sequential read does: the table of each window is checked before its data is used
            for (long w = first; w <= last; w += TABLE_WINDOW) {
                long wLast = Math.min(last, w + TABLE_WINDOW - 1);
                ChunkTable table;
                try {
                    table = ChunkTable.load(r, w, wLast);
                } catch (WimFormatException e) {
                    add(Item.failed(d, r, start, e));
                    return;
                }
                for (long c = w; c <= wLast; c += perItem) {
                    long c1 = Math.min(wLast, c + perItem - 1);
                    add(Item.chunks(d, r, c, c1, Math.max(start, c * cs), end, c1 == last, table));
                }
            }
        }

        private void add(Item item) throws IOException {
            if (!batch.items.isEmpty() && batch.size + (long) item.decodedSize > BATCH_BYTES) {
                flush();
            }
            item.bufferOffset = batch.size;
            batch.items.add(item);
            batch.size += item.decodedSize;
            if (batch.size >= BATCH_BYTES) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (batch.items.isEmpty()) {
                return;
            }
            Batch b = batch;
            batch = new Batch();
            b.buffer = takeBuffer(b.size);
            pipeline.submit(() -> decodeBatch(b));
        }

        private byte[] takeBuffer(int size) {
            synchronized (pool) {
                for (var it = pool.iterator(); it.hasNext();) {
                    byte[] candidate = it.next();
                    if (candidate.length >= size) {
                        it.remove();
                        return candidate;
                    }
                }
            }
            return new byte[Math.max(size, BATCH_BYTES)];
        }

        private void giveBack(byte[] buffer) {
            synchronized (pool) {
                if (pool.size() >= poolLimit) {
                    pool.pollFirst();
                }
                pool.addLast(buffer);
            }
        }

        /** Delivers a decoded batch on the calling thread, in order. */
        private void deliver(Batch b) throws IOException {
            try {
                for (Item item : b.items) {
                    Dispatcher d = item.dispatcher;
                    if (d.failed) {
                        continue;
                    }
                    try {
                        long to = item.error == null ? item.to : Math.min(item.to, item.decodedStart() + item.decodedOk);
                        if (to > item.from) {
                            int off = item.bufferOffset + (int) (item.from - item.decodedStart());
                            d.accept(b.buffer, off, (int) (to - item.from), item.hashes);
                        }
                        if (item.error != null) {
                            throw item.error;
                        }
                        if (item.lastOfResource) {
                            d.finishEmpty();
                        }
                    } catch (WimFormatException e) {
                        d.failed = true;
                        sink.failed(d.unfinished(), e);
                    }
                }
            } finally {
                giveBack(b.buffer);
            }
        }
    }

    /** Runs on a worker: reads and decodes every item of a batch into its buffer. */
    private static Batch decodeBatch(Batch b) throws IOException {
        Resource failedResource = null;
        for (Item item : b.items) {
            if (item.error != null || item.decodedSize == 0) {
                continue;
            }
            if (item.resource == failedResource) {
                continue; // the earlier item of this resource carries the error
            }
            try {
                item.decodedOk = 0;
                decodeItem(item, b.buffer);
                item.hashWholeBlobs(b.buffer);
            } catch (WimFormatException e) {
                item.error = e;
                failedResource = item.resource;
            }
        }
        return b;
    }

    private static final ThreadLocal<byte[][]> STORED = ThreadLocal.withInitial(() -> new byte[1][]);
    private static final ThreadLocal<MessageDigest> WORKER_SHA = ThreadLocal.withInitial(Sha1::newDigest);

    private static void decodeItem(Item item, byte[] out) throws IOException {
        Resource r = item.resource;
        if (!r.chunked()) {
            r.source().readFully(r.offset() + item.from, out, item.bufferOffset, item.decodedSize, r.describe());
            return;
        }
        ChunkTable table = item.table != null ? item.table : ChunkTable.load(r, item.firstChunk, item.lastChunk);
        int pos = item.bufferOffset;
        for (long c = item.firstChunk; c <= item.lastChunk; c++) {
            int storedSize = table.storedSize(c);
            int usize = table.uncompressedSize(c);
            long fileOffset = table.dataOffset(c);
            if (storedSize == usize) { // stored raw: compression did not help
                r.source().readFully(fileOffset, out, pos, usize, r.describe() + " chunk " + c);
            } else {
                byte[][] holder = STORED.get();
                byte[] stored = holder[0];
                if (stored == null || stored.length < storedSize) {
                    stored = new byte[Math.max(storedSize, 1 << 16)];
                    holder[0] = stored;
                }
                r.source().readFully(fileOffset, stored, 0, storedSize, r.describe() + " chunk " + c);
                ChunkDecompressor d = ChunkDecoders.forCurrentThread(r);
                try {
                    d.decompress(stored, 0, storedSize, out, pos, usize);
                } catch (CorruptChunkException | RuntimeException e) {
                    throw new WimDecompressionException(r.source().describe(r.describe() + " chunk " + c, fileOffset,
                            "cannot decompress " + storedSize + " bytes into " + usize + ": " + e.getMessage()), e);
                }
            }
            pos += usize;
            item.decodedOk = pos - item.bufferOffset;
        }
    }

    /** Splits the data of one resource among its blobs (sorted by offset, not overlapping). */
    private static final class Dispatcher {
        final List<BlobDescriptor> blobs;
        private final BlobSink sink;
        private final WimProgress progress;
        private final MessageDigest sha;
        private int current;
        long position; // offset in the resource of the next byte delivered
        private boolean begun;
        private byte[] hashedByWorker; // the current blob's SHA-1, when a worker computed it
        boolean failed;

        Dispatcher(List<BlobDescriptor> blobs, BlobSink sink, WimProgress progress, MessageDigest sha) {
            this.blobs = blobs;
            this.sink = sink;
            this.progress = progress;
            this.sha = sha;
        }

        /** {@code hashes}: SHA-1s a worker computed of blobs wholly in this range, or null. */
        void accept(byte[] b, int off, int len, Map<BlobDescriptor, byte[]> hashes) throws IOException {
            WimProgress.checkCanceled(progress);
            int p = off;
            int left = len;
            while (left > 0 && current < blobs.size()) {
                BlobDescriptor blob = blobs.get(current);
                long blobStart = blob.offsetInResource();
                long blobEnd = blobStart + blob.size();
                if (position < blobStart) { // gap between blobs
                    int skip = (int) Math.min(left, blobStart - position);
                    p += skip;
                    left -= skip;
                    position += skip;
                    continue;
                }
                if (!begun) {
                    hashedByWorker = hashes == null ? null : hashes.get(blob);
                    sha.reset();
                    sink.begin(blob);
                    begun = true;
                }
                int n = (int) Math.min(left, blobEnd - position);
                if (n > 0) {
                    if (hashedByWorker == null) {
                        sha.update(b, p, n);
                    }
                    sink.data(blob, b, p, n);
                }
                p += n;
                left -= n;
                position += n;
                progress.worked(n);
                if (position == blobEnd) {
                    begun = false;
                    current++;
                    endChecked(blob);
                }
            }
        }

        /** Blobs of size 0 never see data; solid runs do not hold them, but be safe. */
        void finishEmpty() throws IOException {
            while (current < blobs.size() && blobs.get(current).size() == 0) {
                BlobDescriptor blob = blobs.get(current++);
                sha.reset();
                sink.begin(blob);
                endChecked(blob);
            }
        }

        /** Ends {@code blob} if its data hashed to its SHA-1, else reports it corrupted. */
        private void endChecked(BlobDescriptor blob) throws IOException {
            byte[] actual = hashedByWorker != null ? hashedByWorker : sha.digest();
            hashedByWorker = null;
            if (Arrays.equals(actual, blob.hash())) {
                sink.end(blob);
            } else {
                sink.corrupted(blob, CorruptBlobs.mismatch(blob, actual));
            }
        }

        List<BlobDescriptor> unfinished() {
            return new ArrayList<>(blobs.subList(current, blobs.size()));
        }
    }
}
