package org.fenestra.wim.model;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;

/**
 * How {@code WimUpdater.optimize} rebuilds a WIM.
 *
 * @param compression new compression type, or null to keep the WIM's
 * @param chunkSize   new chunk size, or 0 to keep the WIM's (or the default for a new type)
 * @param level       compressor level
 * @param recompress  compress every blob again even where its compressed bytes could be copied
 * @param integrity   integrity table of the result
 * @param solid       pack the file data into solid resources; null: solid again when the WIM
 *                    keeps LZMS compression and has solid resources (as wimlib), else not
 *
 * @since 0.1
 */
public record OptimizeOptions(CompressionType compression, int chunkSize, int level, boolean recompress,
        ModifyOptions.Integrity integrity, SolidOptions solid) {

    /** Non-solid options (solid again only for a solid LZMS WIM that keeps its compression). */
    public OptimizeOptions(CompressionType compression, int chunkSize, int level, boolean recompress,
            ModifyOptions.Integrity integrity) {
        this(compression, chunkSize, level, recompress, integrity, null);
    }

    public static OptimizeOptions defaults() {
        return new OptimizeOptions(null, 0, Compressors.DEFAULT_LEVEL, false, ModifyOptions.Integrity.KEEP);
    }

    /**
     * The write options for rebuilding a WIM that {@code keep} would write again as it is
     * stored, and that has an integrity table or not.
     */
    public WriteOptions writeOptions(WriteOptions keep, boolean hadIntegrityTable) {
        CompressionType type = compression != null ? compression : keep.compression();
        int chunk = chunkSize != 0 ? chunkSize : type == keep.compression() ? keep.chunkSize() : 0;
        SolidOptions packing = solid != null ? solid : compression == null ? keep.solid() : null;
        return new WriteOptions(type, chunk, level, integrity.wanted(hadIntegrityTable), false,
                recompress, packing);
    }
}
