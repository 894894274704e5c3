package org.fenestra.wim.internal.cli;

import java.util.Locale;
import java.util.Set;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.model.SolidOptions;

/**
 * The compression options of the writing commands, parsed as wimlib-imagex does:
 * {@code --compress=TYPE[:LEVEL]}, {@code --chunk-size=N}, {@code --solid},
 * {@code --solid-compress=TYPE[:LEVEL]}, {@code --solid-chunk-size=N} (and our
 * {@code --compress-level=N}). A level given with a type applies to every use of that type,
 * as wimlib sets it as the type's default level.
 */
final class CompressionArguments {
    static final Set<String> FLAGS = Set.of("solid");
    static final Set<String> VALUED = Set.of("compress", "chunk-size", "compress-level", "solid-compress",
            "solid-chunk-size");

    /** {@code --compress}'s type, or null when not given. */
    final CompressionType compression;
    final boolean solid;
    private final CompressionType solidCompression;
    private final Integer chunkSize;
    private final int solidChunkSize;
    private final java.util.Map<CompressionType, Integer> levels = new java.util.EnumMap<>(CompressionType.class);
    private final int defaultLevel;

    CompressionArguments(CommandLine cl) throws CommandLine.UsageException {
        defaultLevel = integer(cl, "compress-level", Compressors.DEFAULT_LEVEL);
        String c = cl.option("compress", null);
        compression = c == null ? null : type(c, false);
        String sc = cl.option("solid-compress", null);
        solidCompression = sc == null ? null : type(sc, true);
        solid = cl.has("solid");
        chunkSize = cl.option("chunk-size", null) == null ? null : integer(cl, "chunk-size", 0);
        solidChunkSize = integer(cl, "solid-chunk-size", 0);
    }

    /** An explicit {@code --chunk-size}, or null. */
    Integer chunkSize() {
        return chunkSize;
    }

    int level(CompressionType t) {
        return levels.getOrDefault(t, defaultLevel);
    }

    /** {@code --compress}'s type; without it LZMS with {@code --solid} (as wimlib), else {@code fallback}. */
    CompressionType compressionOr(CompressionType fallback) {
        if (compression != null) {
            return compression;
        }
        return solid ? CompressionType.LZMS : fallback;
    }

    /**
     * The solid options ({@code --solid-compress}, default LZMS; {@code --solid-chunk-size},
     * default for the type) when {@code solidOutput}, else null.
     */
    SolidOptions solidOptions(boolean solidOutput) throws CommandLine.UsageException {
        if (!solidOutput) {
            return null;
        }
        CompressionType t = solidCompression != null ? solidCompression : CompressionType.LZMS;
        try {
            return new SolidOptions(t, solidChunkSize, level(t));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    private CompressionType type(String arg, boolean forSolid) throws CommandLine.UsageException {
        String name = arg;
        int colon = arg.indexOf(':');
        Integer level = null;
        if (colon >= 0) {
            name = arg.substring(0, colon);
            String l = arg.substring(colon + 1);
            try {
                level = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                level = 0;
            }
            if (level <= 0) {
                throw new CommandLine.UsageException("Compression level must be a positive integer! e.g. --compress=lzx:80");
            }
        }
        CompressionType t = switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> CompressionType.NONE;
            case "xpress", "fast" -> CompressionType.XPRESS;
            case "lzx", "maximum", "max" -> CompressionType.LZX;
            case "lzms", "recovery" -> CompressionType.LZMS;
            default -> throw new CommandLine.UsageException("Invalid compression type \"" + name
                    + "\"! Must be \"none\", \"XPRESS\", \"LZX\" or \"LZMS\"");
        };
        if (forSolid && t == CompressionType.NONE) {
            throw new CommandLine.UsageException("solid resources must be compressed: --solid-compress=XPRESS, LZX or LZMS");
        }
        if (level != null) {
            levels.put(t, level);
        }
        return t;
    }

    private static int integer(CommandLine cl, String option, int fallback) throws CommandLine.UsageException {
        String v = cl.option(option, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("invalid value \"" + v + "\" for --" + option);
        }
    }
}
