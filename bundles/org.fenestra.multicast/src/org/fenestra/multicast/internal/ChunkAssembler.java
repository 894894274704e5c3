package org.fenestra.multicast.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastException.Reason;
import org.fenestra.multicast.SessionManifest;

/**
 * The receiver's write path: blocks are gathered in memory per chunk, and a chunk is hashed there
 * and written with one positional write once it is complete and matches the manifest. Per packet
 * that is one copy instead of a write system call, and no chunk is read back to be hashed (the
 * profile of the first bench: the receivers' time went to per-block writes, reading chunks back
 * and hashing the whole file again at the end, which delayed every receiver's success).
 *
 * <p>At most {@link #MEMORY_LIMIT} bytes of chunks are held; when a further chunk starts, the
 * lowest incomplete one (the one waiting longest for repairs) is written out as far as it goes
 * and from then on takes its blocks straight to the file, to be read back and hashed when complete.
 *
 * <p>The whole file's SHA-256 is computed as the verified chunks come in, in file order: a chunk
 * verified in order is hashed from the very bytes just written; chunks verified ahead of it are
 * read back from the file when their turn comes. So every byte of the file is hashed exactly
 * once and the success check needs no pass over the file at the end.
 */
final class ChunkAssembler {

    /** Memory for chunks in progress (at least four chunks, whatever their size). */
    static final long MEMORY_LIMIT = 48L << 20;

    private final SessionManifest manifest;
    private final FileChannel file;
    private final Counters counters;
    private final int chunkBytes;
    private final int maxOpen;
    private final BitSet have = new BitSet();
    private final BitSet chunkDone = new BitSet();
    private final BitSet spilled = new BitSet();
    private final int[] chunkBlocks;
    private final Map<Integer, ByteBuffer> open = new HashMap<>();
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();
    private final MessageDigest chunkDigest = SessionManifest.sha256();
    private final MessageDigest wholeDigest = SessionManifest.sha256();
    private ByteBuffer readBack;
    private int hashedChunks;
    private long bytesHave;

    ChunkAssembler(SessionManifest manifest, FileChannel file, Counters counters) {
        this.manifest = manifest;
        this.file = file;
        this.counters = counters;
        this.chunkBytes = manifest.blockSize() * manifest.blocksPerChunk();
        this.maxOpen = (int) Math.max(4, MEMORY_LIMIT / chunkBytes);
        this.chunkBlocks = new int[manifest.chunkCount()];
    }

    BitSet have() {
        return have;
    }

    long bytesHave() {
        return bytesHave;
    }

    boolean complete() {
        return chunkDone.cardinality() == manifest.chunkCount();
    }

    int chunksDone() {
        return chunkDone.cardinality();
    }

    /** Takes {@code data} (position..limit, exactly the block's length) as block {@code block}. */
    void put(int block, ByteBuffer data) throws IOException {
        if (have.get(block)) {
            return;
        }
        int chunk = manifest.chunkOf(block);
        int length = data.remaining();
        if (spilled.get(chunk)) {
            writeFully(data, manifest.offsetOf(block));
        } else {
            ByteBuffer buffer = bufferOf(chunk);
            if (buffer == null) {
                writeFully(data, manifest.offsetOf(block));
            } else {
                buffer.put((block - manifest.firstBlockOf(chunk)) * manifest.blockSize(), data, data.position(), length);
            }
        }
        have.set(block);
        bytesHave += length;
        if (++chunkBlocks[chunk] == manifest.blocksIn(chunk)) {
            finish(chunk);
        }
    }

    /**
     * Checks that every chunk went into the whole-file hash and that it matches the manifest.
     * Called once {@link #complete()}.
     */
    void verifyWholeFile() throws IOException {
        hashVerifiedChunks(-1, null);
        if (hashedChunks != manifest.chunkCount() || file.size() != manifest.fileSize()
                || !Arrays.equals(wholeDigest.digest(), manifest.fileHash())) {
            throw new MulticastException(Reason.HASH_MISMATCH,
                    "the received file does not match the session's SHA-256 although every chunk did");
        }
    }

    /** The chunk's memory buffer, opened on its first block; null when it goes to the file. */
    private ByteBuffer bufferOf(int chunk) throws IOException {
        ByteBuffer buffer = open.get(chunk);
        if (buffer != null) {
            return buffer;
        }
        if (open.size() >= maxOpen) {
            int lowest = open.keySet().stream().mapToInt(Integer::intValue).min().getAsInt();
            if (lowest > chunk) {
                spill(chunk, null);
                return null;
            }
            spill(lowest, open.remove(lowest));
        }
        buffer = free.isEmpty() ? ByteBuffer.allocate(chunkBytes) : free.pop();
        open.put(chunk, buffer);
        return buffer;
    }

    /** Writes what a chunk's buffer holds and sends the chunk's further blocks to the file. */
    private void spill(int chunk, ByteBuffer buffer) throws IOException {
        spilled.set(chunk);
        if (buffer == null) {
            return;
        }
        int first = manifest.firstBlockOf(chunk);
        int end = first + manifest.blocksIn(chunk);
        for (int block = have.nextSetBit(first); block >= 0 && block < end; block = have.nextSetBit(block + 1)) {
            int at = (block - first) * manifest.blockSize();
            writeFully(buffer.slice(at, manifest.lengthOf(block)), manifest.offsetOf(block));
        }
        free.push(buffer);
    }

    /** A complete chunk: kept (written, hashed into the whole) when it matches, else asked for again. */
    private void finish(int chunk) throws IOException {
        long offset = manifest.offsetOf(manifest.firstBlockOf(chunk));
        int length = (int) (Math.min(manifest.fileSize(), offset + chunkBytes) - offset);
        ByteBuffer buffer = open.remove(chunk);
        ByteBuffer data = buffer != null ? buffer.slice(0, length) : readBack(offset, length);
        chunkDigest.update(data.duplicate());
        if (Arrays.equals(chunkDigest.digest(), manifest.chunkHashes().get(chunk))) {
            if (buffer != null) {
                writeFully(data.duplicate(), offset);
            }
            chunkDone.set(chunk);
            spilled.clear(chunk);
            // a read-back chunk is read again: the read-back buffer serves the chunks before it too
            hashVerifiedChunks(chunk, buffer != null ? data : null);
            if (buffer != null) {
                free.push(buffer);
            }
            return;
        }
        if (buffer != null) {
            free.push(buffer);
        }
        counters.chunksRejected.increment();
        int first = manifest.firstBlockOf(chunk);
        have.clear(first, first + manifest.blocksIn(chunk));
        bytesHave -= length;
        chunkBlocks[chunk] = 0;
    }

    /**
     * Feeds the whole-file hash every verified chunk next in file order: {@code data}, when not
     * null, is chunk {@code just}'s bytes; the others are read back.
     */
    private void hashVerifiedChunks(int just, ByteBuffer data) throws IOException {
        while (hashedChunks < manifest.chunkCount() && chunkDone.get(hashedChunks)) {
            if (hashedChunks == just && data != null) {
                wholeDigest.update(data.duplicate());
            } else {
                long offset = manifest.offsetOf(manifest.firstBlockOf(hashedChunks));
                int length = (int) (Math.min(manifest.fileSize(), offset + chunkBytes) - offset);
                wholeDigest.update(readBack(offset, length));
            }
            hashedChunks++;
        }
    }

    private ByteBuffer readBack(long offset, int length) throws IOException {
        if (readBack == null) {
            readBack = ByteBuffer.allocate(chunkBytes);
        }
        readBack.clear().limit(length);
        while (readBack.hasRemaining()) {
            if (file.read(readBack, offset + readBack.position()) < 0) {
                break; // a short file fails the hash
            }
        }
        return readBack.flip();
    }

    private void writeFully(ByteBuffer data, long offset) throws IOException {
        long at = offset;
        while (data.hasRemaining()) {
            at += file.write(data, at);
        }
    }
}
