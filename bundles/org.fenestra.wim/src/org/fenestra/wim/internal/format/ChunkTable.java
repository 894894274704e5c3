package org.fenestra.wim.internal.format;

import java.io.IOException;

import org.fenestra.wim.errors.WimDecompressionException;

/**
 * Locations of a contiguous range of chunks of a chunked (compressed) resource, loaded from
 * the resource's chunk table. Only the entries needed for the range are read.
 *
 * <p>Layouts (n = number of chunks = ceil(uncompressed size / chunk size)):
 * <ul>
 * <li>non-solid: n-1 entries, each the offset of chunk i+1 relative to the end of the table;
 * entries are 8 bytes when the uncompressed size exceeds 0xFFFFFFFF, else 4; the table is at
 * the start of the resource, the chunks follow;</li>
 * <li>pipable: the same table, but placed after the chunks, and each chunk is preceded by a
 * 4-byte header (its compressed size) not counted in the offsets;</li>
 * <li>solid: after the 16-byte {@link SolidResourceHeader}, n 4-byte entries holding each
 * chunk's compressed size; the chunks follow.</li>
 * </ul>
 * A chunk whose stored size equals its uncompressed size is stored raw.
 */
public final class ChunkTable {
    private static final int PIPABLE_CHUNK_HEADER = 4;

    private final Resource res;
    private final long numChunks;
    private final long first;
    private final long[] dataOffsets;
    private final int[] storedSizes;

    private ChunkTable(Resource res, long numChunks, long first, long[] dataOffsets, int[] storedSizes) {
        this.res = res;
        this.numChunks = numChunks;
        this.first = first;
        this.dataOffsets = dataOffsets;
        this.storedSizes = storedSizes;
    }

    /** Number of chunks of a resource, 0 for an empty one. */
    public static long chunkCount(Resource r) {
        return (r.uncompressedSize() + r.chunkSize() - 1) / r.chunkSize();
    }

    /** Loads the locations of chunks {@code first..last} (inclusive). */
    public static ChunkTable load(Resource r, long first, long last) throws IOException {
        long n = chunkCount(r);
        String where = r.describe();
        WimSource src = r.source();
        if (r.uncompressedSize() < 0 || n > r.sizeInWim()) {
            throw corrupt(r, "holds " + n + " chunks in only " + r.sizeInWim() + " bytes");
        }
        if (first < 0 || last >= n || first > last) {
            throw new IllegalArgumentException("chunk range " + first + ".." + last + " of " + n);
        }
        int entrySize = r.solid() || r.uncompressedSize() <= 0xFFFFFFFFL ? 4 : 8;
        long entries = r.solid() ? n : n - 1;
        long tableSize = entries * entrySize;
        long headerSize = r.solid() ? SolidResourceHeader.DISK_SIZE : 0;
        long chunkHeaders = r.pipable() ? n * PIPABLE_CHUNK_HEADER : 0;
        if (tableSize + headerSize + chunkHeaders > r.sizeInWim()) {
            throw corrupt(r, "chunk table of " + tableSize + " bytes does not fit in the resource");
        }
        long tableStart = r.offset() + headerSize + (r.pipable() ? r.sizeInWim() - tableSize : 0);
        long dataBase = r.pipable() ? r.offset() : r.offset() + headerSize + tableSize;
        long dataLength = r.sizeInWim() - headerSize - tableSize; // includes pipable chunk headers

        int count = Math.toIntExact(last - first + 1);
        long[] offsets = new long[count + 1]; // chunk-relative offsets of first..last+1
        if (r.solid()) {
            // Entries are sizes: sum all entries before the range to find its start.
            long pos = 0;
            int batch = 1 << 14;
            byte[] buf = new byte[(int) Math.min(batch * 4L, (last + 1) * 4)];
            for (long i = 0; i <= last; i += batch) {
                int k = (int) Math.min(batch, last + 1 - i);
                src.readFully(tableStart + i * 4, buf, 0, k * 4, where + ": chunk table");
                for (int j = 0; j < k; j++) {
                    long chunk = i + j;
                    if (chunk >= first) {
                        offsets[(int) (chunk - first)] = pos;
                    }
                    pos += LittleEndian.u32(buf, j * 4);
                }
            }
            offsets[count] = pos;
            if (last == n - 1 && pos != dataLength) {
                throw corrupt(r, "chunk sizes add up to " + pos + " bytes, the resource holds " + dataLength);
            }
        } else {
            // Entry k is the offset of chunk k+1; chunk 0 starts at 0.
            long firstEntry = Math.max(first - 1, 0);
            long lastEntry = Math.min(last, n - 2);
            long entryCount = lastEntry - firstEntry + 1;
            byte[] buf = entryCount > 0
                    ? src.readFully(tableStart + firstEntry * entrySize, Math.toIntExact(entryCount * entrySize),
                            where + ": chunk table")
                    : new byte[0];
            for (long chunk = first; chunk <= last + 1; chunk++) {
                long value;
                if (chunk == 0) {
                    value = 0;
                } else if (chunk == n) {
                    value = dataLength - chunkHeaders;
                } else {
                    int at = (int) ((chunk - 1 - firstEntry) * entrySize);
                    value = entrySize == 4 ? LittleEndian.u32(buf, at) : LittleEndian.u64(buf, at);
                }
                offsets[(int) (chunk - first)] = value;
            }
        }
        long[] dataOffsets = new long[count];
        int[] storedSizes = new int[count];
        for (int j = 0; j < count; j++) {
            long chunk = first + j;
            long stored = offsets[j + 1] - offsets[j];
            long usize = uncompressedSize(r, n, chunk);
            if (offsets[j] < 0 || stored <= 0 || stored > usize) {
                throw corrupt(r, "chunk " + chunk + " has invalid stored size " + stored + " (uncompressed " + usize + ")");
            }
            long rel = offsets[j] + (r.pipable() ? (chunk + 1) * PIPABLE_CHUNK_HEADER : 0);
            if (rel + stored > dataLength) {
                throw corrupt(r, "chunk " + chunk + " extends beyond the end of the resource");
            }
            dataOffsets[j] = dataBase + rel;
            storedSizes[j] = (int) stored;
        }
        return new ChunkTable(r, n, first, dataOffsets, storedSizes);
    }

    private static long uncompressedSize(Resource r, long n, long chunk) {
        if (chunk == n - 1) {
            long rest = r.uncompressedSize() - chunk * r.chunkSize();
            return rest;
        }
        return r.chunkSize();
    }

    private static WimDecompressionException corrupt(Resource r, String detail) {
        return new WimDecompressionException(r.source().describe("chunk table of " + r.describe(), r.offset(), detail));
    }

    public long numChunks() {
        return numChunks;
    }

    /** File offset of chunk {@code i}'s stored bytes. */
    public long dataOffset(long i) {
        return dataOffsets[(int) (i - first)];
    }

    public int storedSize(long i) {
        return storedSizes[(int) (i - first)];
    }

    public int uncompressedSize(long i) {
        return (int) uncompressedSize(res, numChunks, i);
    }
}
