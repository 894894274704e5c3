package org.fenestra.wim.internal.format;

import java.io.IOException;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.errors.InvalidBlobTableException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.model.ChunkSizes;

/**
 * The header at the start of a solid resource (version 0xE00 WIMs). A blob table entry with
 * flag SOLID and uncompressed size 0x100000000 describes such a resource; the blob entries
 * that follow it in the same run of SOLID entries give, in their offset field, the blob's
 * offset within the uncompressed data of the run's resources taken one after the other, and in
 * their size-in-WIM field, the blob's uncompressed size.
 *
 * <pre>
 * offset size field
 *  0     8    uncompressed size of the whole resource
 *  8     4    chunk size (overrides the WIM header's)
 * 12     4    compression format: 0 none, 1 XPRESS, 2 LZX, 3 LZMS (overrides the WIM header's)
 * 16   4*n    compressed size of each of the n chunks; the chunks follow
 * </pre>
 */
public record SolidResourceHeader(long uncompressedSize, int chunkSize, CompressionType compression) {

    public static final int DISK_SIZE = 16;

    /** Reads and validates the header of the solid resource described by {@code h}. */
    public static SolidResourceHeader read(WimSource src, ResourceHeader h, String where) throws IOException {
        if (!h.fitsIn(src.size()) || h.sizeInWim() < DISK_SIZE) {
            throw WimHeader.beyondEnd(src, where + ": solid resource", h);
        }
        byte[] b = src.readFully(h.offsetInWim(), DISK_SIZE, where + ": solid resource header");
        long usize = LittleEndian.u64(b, 0);
        long chunk = LittleEndian.u32(b, 8);
        long format = LittleEndian.u32(b, 12);
        CompressionType type = fromSolidFormat(format);
        if (type == null) {
            throw new InvalidBlobTableException(src.describe(where + ": solid resource header", h.offsetInWim(),
                    "unknown compression format " + format));
        }
        if (type == CompressionType.NONE) {
            throw new UnsupportedWimException(src.describe(where + ": solid resource header", h.offsetInWim(),
                    "solid resource without compression is not supported"));
        }
        if (chunk > Integer.MAX_VALUE || !ChunkSizes.valid((int) chunk, type)) {
            throw new InvalidBlobTableException(src.describe(where + ": solid resource header", h.offsetInWim(),
                    "invalid chunk size " + chunk + " for " + type));
        }
        if (usize < 0) {
            throw new InvalidBlobTableException(src.describe(where + ": solid resource header", h.offsetInWim(),
                    "invalid uncompressed size " + Long.toUnsignedString(usize)));
        }
        return new SolidResourceHeader(usize, (int) chunk, type);
    }

    /** Solid resources name their format with wimlib/WIMGAPI numbers 0..3. */
    private static CompressionType fromSolidFormat(long format) {
        return switch ((int) format) {
            case 0 -> CompressionType.NONE;
            case 1 -> CompressionType.XPRESS;
            case 2 -> CompressionType.LZX;
            case 3 -> CompressionType.LZMS;
            default -> null;
        };
    }
}
