package org.fenestra.wim.model;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.internal.format.ChunkSizes;

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

    /**
     * What {@code wimlib-imagex export} to a new file does without compression options: keep
     * {@code source}'s compression and chunk size, so compressed blobs are copied without
     * recompression; and when that compression is LZMS and the source has solid resources,
     * write solid again (LZMS, 64 MiB chunks).
     */
    public static WriteOptions keepingCompressionOf(WimFile source) {
        CompressionType t = source.header().compression();
        WriteOptions o = defaults().withCompression(t, t == CompressionType.NONE ? 0 : source.header().chunkSize());
        return t == CompressionType.LZMS && hasSolidResources(source) ? o.withSolid(SolidOptions.defaults()) : o;
    }

    /** Whether some blob of {@code source} lies in a solid resource (which is never copied as it is). */
    public static boolean hasSolidResources(WimFile source) {
        for (org.fenestra.wim.internal.format.BlobDescriptor b : source.allBlobs()) {
            if (b.resource().solid()) {
                return true;
            }
        }
        return false;
    }

    public WriteOptions withCompression(CompressionType t, int newChunkSize) {
        return new WriteOptions(t, newChunkSize, level, integrity, boot, recompress, solid);
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
