package org.fenestra.wim.model;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;

/**
 * How a WIM is written.
 *
 * @param compression NONE, XPRESS, LZX or LZMS; with {@code solid} this
 *                    compresses only the metadata resources
 * @param chunkSize   uncompressed bytes per chunk; 0 picks the default (32768)
 * @param level       compressor level, wimlib's scale (50 default)
 * @param integrity   add an integrity table ({@code --check})
 * @param boot        mark the (first) written image bootable ({@code --boot})
 * @param recompress  export: recompress blobs even when their compressed bytes could be copied
 * @param solid       pack file data into a solid resource ({@code --solid}); null for non-solid
 *
 * @since 0.1
 */
public record WriteOptions(CompressionType compression, int chunkSize, int level, boolean integrity, boolean boot,
        boolean recompress, SolidOptions solid) {

    public static final int DEFAULT_CHUNK_SIZE = 32768;
    /** wimlib's default chunk size of non-solid LZMS resources. */
    public static final int LZMS_DEFAULT_CHUNK_SIZE = 131072;

    /** LZX, 32 KiB chunks, default level: what {@code wimlib-imagex capture} does by default. */
    public static WriteOptions defaults() {
        return new WriteOptions(CompressionType.LZX, DEFAULT_CHUNK_SIZE, Compressors.DEFAULT_LEVEL, false, false, false);
    }

    /** Non-solid options. */
    public WriteOptions(CompressionType compression, int chunkSize, int level, boolean integrity, boolean boot,
            boolean recompress) {
        this(compression, chunkSize, level, integrity, boot, recompress, null);
    }

    public WriteOptions {
        requireCompressor(compression, level);
        if (chunkSize == 0) {
            chunkSize = compression == CompressionType.LZMS ? LZMS_DEFAULT_CHUNK_SIZE : DEFAULT_CHUNK_SIZE;
        }
        if (compression != CompressionType.NONE && !ChunkSizes.valid(chunkSize, compression)) {
            throw new IllegalArgumentException("invalid chunk size " + chunkSize + " for " + compression);
        }
    }

    public WriteOptions withCompression(CompressionType t, int newChunkSize) {
        return new WriteOptions(t, newChunkSize, level, integrity, boot, recompress, solid);
    }

    /** These options with the first written image marked bootable or not. */
    public WriteOptions withBoot(boolean bootable) {
        return new WriteOptions(compression, chunkSize, level, integrity, bootable, recompress, solid);
    }

    /** These options with file data packed as {@code s} says (null: non-solid). */
    public WriteOptions withSolid(SolidOptions s) {
        return new WriteOptions(compression, chunkSize, level, integrity, boot, recompress, s);
    }

    /**
     * Throws {@link IllegalArgumentException} unless a compressor for {@code t} exists (LZMS
     * only once its compressor has landed), so a write fails before it creates any file.
     */
    static void requireCompressor(CompressionType t, int level) {
        if (t == null) {
            throw new IllegalArgumentException("no compression type given");
        }
        if (t == CompressionType.NONE) {
            return;
        }
        try {
            Compressors.create(t, ChunkSizes.min(t), level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot write " + t + " compression: " + e.getMessage(), e);
        }
    }
}
