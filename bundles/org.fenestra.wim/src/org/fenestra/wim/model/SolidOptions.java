package org.fenestra.wim.model;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;

/**
 * How file data is packed into a solid resource ({@code --solid}): all blobs one after the
 * other, compressed as one stream cut into large chunks (an "ESD"-style WIM, version 0xE00).
 * Metadata resources stay non-solid, compressed as {@link WriteOptions#compression()} says.
 *
 * @param compression XPRESS, LZX or LZMS (solid resources cannot be uncompressed)
 * @param chunkSize   uncompressed bytes per chunk; 0 picks wimlib's default for the type
 *                    (LZMS 64 MiB, XPRESS and LZX 32 KiB)
 * @param level       compressor level, wimlib's scale
 * @since 0.1
 */
public record SolidOptions(CompressionType compression, int chunkSize, int level) {

    public SolidOptions {
        if (compression == null || compression == CompressionType.NONE) {
            throw new IllegalArgumentException("solid resources must be compressed (XPRESS, LZX or LZMS)");
        }
        if (chunkSize == 0) {
            chunkSize = defaultChunkSize(compression);
        }
        if (!ChunkSizes.valid(chunkSize, compression)) {
            throw new IllegalArgumentException("invalid solid chunk size " + chunkSize + " for " + compression
                    + " (a power of two from " + ChunkSizes.min(compression) + " to " + ChunkSizes.max(compression) + ")");
        }
        WriteOptions.requireCompressor(compression, level);
    }

    /** wimlib's default: LZMS, 64 MiB chunks, default level. */
    public static SolidOptions defaults() {
        return new SolidOptions(CompressionType.LZMS, 0, Compressors.DEFAULT_LEVEL);
    }

    /** wimlib's default solid chunk size for a compression type. */
    public static int defaultChunkSize(CompressionType t) {
        return t == CompressionType.LZMS ? 64 << 20 : 32768;
    }
}
