package org.fenestra.wim;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.Compressors;
import org.fenestra.wim.format.ChunkSizes;
import org.fenestra.wim.format.WimHeader;

/**
 * How a WIM is written.
 *
 * @param compression NONE, XPRESS or LZX (no LZMS compressor exists yet)
 * @param chunkSize   uncompressed bytes per chunk; 0 picks the default (32768)
 * @param level       compressor level, wimlib's scale (50 default)
 * @param integrity   add an integrity table ({@code --check})
 * @param boot        mark the (first) written image bootable ({@code --boot})
 * @param recompress  export: recompress blobs even when their compressed bytes could be copied
 */
public record WriteOptions(CompressionType compression, int chunkSize, int level, boolean integrity, boolean boot,
        boolean recompress) {

    public static final int DEFAULT_CHUNK_SIZE = 32768;

    /** LZX, 32 KiB chunks, default level: what {@code wimlib-imagex capture} does by default. */
    public static WriteOptions defaults() {
        return new WriteOptions(CompressionType.LZX, DEFAULT_CHUNK_SIZE, Compressors.DEFAULT_LEVEL, false, false, false);
    }

    public WriteOptions {
        if (compression == CompressionType.LZMS) {
            throw new IllegalArgumentException("LZMS compression is not supported for writing; use XPRESS or LZX");
        }
        if (chunkSize == 0) {
            chunkSize = DEFAULT_CHUNK_SIZE;
        }
        if (compression != CompressionType.NONE && !ChunkSizes.valid(chunkSize, compression)) {
            throw new IllegalArgumentException("invalid chunk size " + chunkSize + " for " + compression);
        }
    }

    /**
     * Defaults that keep {@code source}'s compression and chunk size, so an export copies
     * compressed blobs without recompressing them. LZMS and solid sources cannot be written
     * as such yet: they get LZX with 32 KiB chunks (see {@link #needsRecompression}).
     */
    public static WriteOptions keepingCompressionOf(WimFile source) {
        if (needsRecompression(source)) {
            return defaults();
        }
        return defaults().withCompression(source.header().compression(), source.header().chunkSize());
    }

    /** Whether {@code source}'s data cannot be copied as it is (LZMS or solid resources). */
    public static boolean needsRecompression(WimFile source) {
        return source.header().compression() == CompressionType.LZMS
                || source.rawHeader().version() == WimHeader.VERSION_SOLID;
    }

    public WriteOptions withCompression(CompressionType t, int newChunkSize) {
        return new WriteOptions(t, newChunkSize, level, integrity, boot, recompress);
    }
}
