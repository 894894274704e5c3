package org.fenestra.wim.model;

import org.fenestra.compress.CompressionType;

/**
 * Chunk sizes allowed per compression format (same limits as wimlib), and the names
 * wimlib-imagex gives the formats.
 *
 * @since 0.1
 */
public final class ChunkSizes {
    private ChunkSizes() {
    }

    public static int min(CompressionType t) {
        return switch (t) {
            case NONE -> 0;
            case XPRESS -> 4096;
            case LZX, LZMS -> 32768;
        };
    }

    public static int max(CompressionType t) {
        return switch (t) {
            case NONE -> 0;
            case XPRESS -> 65536;
            case LZX -> 2097152;
            case LZMS -> 1 << 30;
        };
    }

    /**
     * A power of two within the format's limits. Uncompressed WIMs do not use the field, so any
     * value is accepted for {@link CompressionType#NONE}.
     */
    public static boolean valid(int chunkSize, CompressionType t) {
        if (t == CompressionType.NONE) {
            return true;
        }
        if (chunkSize <= 0 || Integer.bitCount(chunkSize) != 1) {
            return false;
        }
        return chunkSize >= min(t) && chunkSize <= max(t);
    }

    /** The compression name wimlib-imagex prints. */
    public static String displayName(CompressionType t) {
        return switch (t) {
            case NONE -> "None";
            case XPRESS -> "XPRESS";
            case LZX -> "LZX";
            case LZMS -> "LZMS";
        };
    }
}
