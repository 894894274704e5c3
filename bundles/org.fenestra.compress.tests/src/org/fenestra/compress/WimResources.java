package org.fenestra.compress;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Test-only reader of compressed WIM resources, just enough to feed real chunks to the
 * decoders (the real WIM reader lives in another bundle).
 *
 * <p>Non-solid resource: a chunk table of {@code numChunks - 1} entries (4 bytes each if the
 * uncompressed size is at most 4 GiB, else 8), entry {@code i} being the start of chunk
 * {@code i + 1} relative to the end of the table; then the chunks. Solid resource: a header
 * (u64 uncompressed size, u32 chunk size, u32 compression format), one u32 compressed size
 * per chunk, then the chunks. A chunk whose stored size equals its uncompressed size is
 * stored raw.
 */
final class WimResources {

    /** One chunk as stored: its bytes inside {@code data} and its uncompressed size. */
    record Chunk(byte[] data, int off, int len, int usize) {
        boolean raw() {
            return len == usize;
        }
    }

    record Resource(long usize, int chunkSize, int format, Chunk[] chunks) {
    }

    private WimResources() {
    }

    static Resource readNonSolid(byte[] wim, long offset, long csize, long usize, int chunkSize) {
        int numChunks = (int) ((usize + chunkSize - 1) / chunkSize);
        int entrySize = usize > 0xFFFF_FFFFL ? 8 : 4;
        int tableSize = (numChunks - 1) * entrySize;
        ByteBuffer bb = ByteBuffer.wrap(wim).order(ByteOrder.LITTLE_ENDIAN);
        long[] starts = new long[numChunks + 1];
        for (int i = 1; i < numChunks; i++) {
            int at = (int) (offset + (long) (i - 1) * entrySize);
            starts[i] = entrySize == 4 ? bb.getInt(at) & 0xFFFF_FFFFL : bb.getLong(at);
        }
        starts[numChunks] = csize - tableSize;
        Chunk[] chunks = new Chunk[numChunks];
        long base = offset + tableSize;
        for (int i = 0; i < numChunks; i++) {
            int us = (int) Math.min(chunkSize, usize - (long) i * chunkSize);
            chunks[i] = new Chunk(wim, (int) (base + starts[i]), (int) (starts[i + 1] - starts[i]), us);
        }
        return new Resource(usize, chunkSize, -1, chunks);
    }

    static Resource readSolid(byte[] wim, long offset) {
        ByteBuffer bb = ByteBuffer.wrap(wim).order(ByteOrder.LITTLE_ENDIAN);
        long usize = bb.getLong((int) offset);
        int chunkSize = bb.getInt((int) offset + 8);
        int format = bb.getInt((int) offset + 12);
        int numChunks = (int) ((usize + chunkSize - 1) / chunkSize);
        long pos = offset + 16 + 4L * numChunks;
        Chunk[] chunks = new Chunk[numChunks];
        for (int i = 0; i < numChunks; i++) {
            int len = bb.getInt((int) (offset + 16 + 4L * i));
            int us = (int) Math.min(chunkSize, usize - (long) i * chunkSize);
            chunks[i] = new Chunk(wim, (int) pos, len, us);
            pos += len;
        }
        return new Resource(usize, chunkSize, format, chunks);
    }

    /** Decodes all chunks of a resource with one decompressor and returns the concatenation. */
    static byte[] decode(Resource res, ChunkDecompressor d) throws CorruptChunkException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] out = new byte[res.chunkSize()];
        for (Chunk c : res.chunks()) {
            if (c.raw()) {
                all.write(c.data(), c.off(), c.len());
            } else {
                d.decompress(c.data(), c.off(), c.len(), out, 0, c.usize());
                all.write(out, 0, c.usize());
            }
        }
        return all.toByteArray();
    }
}
