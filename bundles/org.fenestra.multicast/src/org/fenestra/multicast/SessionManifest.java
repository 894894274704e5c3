package org.fenestra.multicast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a session sends: the file's size, how it is cut into blocks (one per data packet) and chunks
 * (blocks hashed together), each chunk's SHA-256 and the whole file's SHA-256. A receiver gets it
 * with its ticket, so it can check every chunk before keeping it and never assembles a mix of two
 * files.
 *
 * @since 0.1
 */
public record SessionManifest(long fileSize, int blockSize, int blocksPerChunk, List<byte[]> chunkHashes,
        byte[] fileHash) {

    /**
     * Largest block: one UDP datagram (65,507 bytes) less header, tag and block number. Blocks
     * above {@link #MTU_BLOCK_SIZE} travel as IP fragments: fewer datagrams (less CPU per byte,
     * measured 2x on a busy machine with 60 KB) but one lost fragment loses the whole block.
     */
    public static final int MAX_BLOCK_SIZE = 65_000;
    /** Largest block that fits one packet on a 1500-byte MTU (see the README's packet layout). */
    public static final int MTU_BLOCK_SIZE = 1424;
    public static final int DEFAULT_BLOCK_SIZE = 1400;
    public static final int DEFAULT_BLOCKS_PER_CHUNK = 512;

    public SessionManifest {
        if (blockSize < 64 || blockSize > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("block size must be 64.." + MAX_BLOCK_SIZE + ", not " + blockSize);
        }
        if (blocksPerChunk < 1) {
            throw new IllegalArgumentException("blocks per chunk must be positive, not " + blocksPerChunk);
        }
        if (fileSize < 0 || ceilDiv(fileSize, blockSize) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("file size out of range: " + fileSize);
        }
        long expectedChunks = ceilDiv(ceilDiv(fileSize, blockSize), blocksPerChunk);
        if (chunkHashes.size() != expectedChunks) {
            throw new IllegalArgumentException(
                    "manifest lists " + chunkHashes.size() + " chunk hashes, the size needs " + expectedChunks);
        }
        chunkHashes = List.copyOf(chunkHashes);
        fileHash = fileHash.clone();
    }

    /** Hashes {@code file} chunk by chunk; {@code cancelled} is polled between chunks. */
    public static SessionManifest compute(Path file, int blockSize, int blocksPerChunk, BooleanSupplier cancelled)
            throws MulticastException {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            MessageDigest whole = sha256();
            MessageDigest chunk = sha256();
            byte[] buffer = new byte[blockSize * blocksPerChunk];
            List<byte[]> hashes = new ArrayList<>();
            long done = 0;
            while (done < size) {
                if (cancelled.getAsBoolean()) {
                    throw new MulticastException(MulticastException.Reason.CANCELLED, "manifest cancelled");
                }
                int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, size - done));
                if (length == 0) {
                    throw new MulticastException(MulticastException.Reason.IO, file + " shrank while being hashed");
                }
                whole.update(buffer, 0, length);
                chunk.update(buffer, 0, length);
                hashes.add(chunk.digest());
                done += length;
            }
            return new SessionManifest(size, blockSize, blocksPerChunk, hashes, whole.digest());
        } catch (IOException e) {
            if (e instanceof MulticastException m) {
                throw m;
            }
            throw new MulticastException(MulticastException.Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public int blockCount() {
        return (int) ceilDiv(fileSize, blockSize);
    }

    public int chunkCount() {
        return chunkHashes.size();
    }

    public int chunkOf(int block) {
        return block / blocksPerChunk;
    }

    public int firstBlockOf(int chunk) {
        return chunk * blocksPerChunk;
    }

    /** Number of blocks in {@code chunk} (the last one may be short). */
    public int blocksIn(int chunk) {
        return Math.min(blocksPerChunk, blockCount() - firstBlockOf(chunk));
    }

    public long offsetOf(int block) {
        return (long) block * blockSize;
    }

    /** Bytes of {@code block} (the last one may be short). */
    public int lengthOf(int block) {
        return (int) Math.min(blockSize, fileSize - offsetOf(block));
    }

    public byte[] fileHash() {
        return fileHash.clone();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
