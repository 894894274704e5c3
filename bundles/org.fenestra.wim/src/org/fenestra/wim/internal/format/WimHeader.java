package org.fenestra.wim.internal.format;

import java.io.IOException;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.errors.InvalidHeaderException;
import org.fenestra.wim.errors.NotAWimException;
import org.fenestra.wim.errors.TruncatedWimException;
import org.fenestra.wim.errors.UnknownWimVersionException;
import org.fenestra.wim.errors.WimFormatException;
import org.fenestra.wim.model.ChunkSizes;

/**
 * The WIM header: 208 bytes at offset 0 (for a pipable WIM, the authoritative copy is the last
 * 208 bytes of the file; the one at offset 0 is written before the sizes are known).
 *
 * <pre>
 * offset size field
 *   0     8   magic "MSWIM\0\0\0" (pipable: "WLPWM\0\0\0")
 *   8     4   header size, must be 208
 *  12     4   version: 0x10D00 (default), 0xE00 (solid resources allowed)
 *  16     4   flags (FLAG_* below)
 *  20     4   chunk size of compressed non-solid resources (0 when uncompressed)
 *  24    16   GUID, shared by all parts of a split set
 *  40     2   part number, 1-based
 *  42     2   total parts
 *  44     4   image count
 *  48    24   blob table resource header
 *  72    24   XML data resource header
 *  96    24   boot metadata resource header
 * 120     4   boot index (0 = none)
 * 124    24   integrity table resource header (all zero when absent)
 * 148    60   unused
 * </pre>
 */
public record WimHeader(boolean pipable, int version, int flags, int chunkSize, byte[] guid, int partNumber,
        int totalParts, long imageCount, ResourceHeader blobTable, ResourceHeader xmlData,
        ResourceHeader bootMetadata, long bootIndex, ResourceHeader integrityTable) {

    public static final int DISK_SIZE = 208;
    public static final long MAGIC = 0x0000004d4957534dL; // "MSWIM\0\0\0" little-endian
    public static final long PIPABLE_MAGIC = 0x0000004d57504c57L; // "WLPWM\0\0\0"
    public static final int VERSION_DEFAULT = 0x10D00;
    public static final int VERSION_SOLID = 0xE00;

    public static final int FLAG_RESERVED = 0x00000001;
    public static final int FLAG_COMPRESSION = 0x00000002;
    public static final int FLAG_READONLY = 0x00000004;
    public static final int FLAG_SPANNED = 0x00000008;
    public static final int FLAG_RESOURCE_ONLY = 0x00000010;
    public static final int FLAG_METADATA_ONLY = 0x00000020;
    public static final int FLAG_WRITE_IN_PROGRESS = 0x00000040;
    public static final int FLAG_RP_FIX = 0x00000080;
    public static final int FLAG_COMPRESS_RESERVED = 0x00010000;
    public static final int FLAG_COMPRESS_XPRESS = 0x00020000;
    public static final int FLAG_COMPRESS_LZX = 0x00040000;
    public static final int FLAG_COMPRESS_LZMS = 0x00080000;
    public static final int FLAG_COMPRESS_XPRESS_2 = 0x00200000;

    /** Header flag names in the order wimlib prints them. */
    public static final Object[][] FLAG_NAMES = { { FLAG_RESERVED, "RESERVED" }, { FLAG_COMPRESSION, "COMPRESSION" },
            { FLAG_READONLY, "READONLY" }, { FLAG_SPANNED, "SPANNED" }, { FLAG_RESOURCE_ONLY, "RESOURCE_ONLY" },
            { FLAG_METADATA_ONLY, "METADATA_ONLY" }, { FLAG_WRITE_IN_PROGRESS, "WRITE_IN_PROGRESS" },
            { FLAG_RP_FIX, "RP_FIX" }, { FLAG_COMPRESS_RESERVED, "COMPRESS_RESERVED" },
            { FLAG_COMPRESS_LZX, "COMPRESS_LZX" }, { FLAG_COMPRESS_XPRESS, "COMPRESS_XPRESS" },
            { FLAG_COMPRESS_LZMS, "COMPRESS_LZMS" }, { FLAG_COMPRESS_XPRESS_2, "COMPRESS_XPRESS_2" } };

    /** Reads and validates the header of {@code src}. */
    public static WimHeader read(WimSource src) throws IOException {
        if (src.size() < DISK_SIZE) {
            throw new TruncatedWimException(src.describe("WIM header", 0,
                    "file has " + src.size() + " bytes, the header needs " + DISK_SIZE));
        }
        byte[] b = src.readFully(0, DISK_SIZE, "WIM header");
        long magic = LittleEndian.u64(b, 0);
        boolean pipable = magic == PIPABLE_MAGIC;
        long headerOffset = 0;
        if (pipable) {
            headerOffset = src.size() - DISK_SIZE;
            b = src.readFully(headerOffset, DISK_SIZE, "pipable WIM trailing header");
        } else if (magic != MAGIC) {
            throw new NotAWimException(src.describe("WIM header", 0, "invalid magic characters"));
        }
        return parse(b, pipable, headerOffset, src::describe);
    }

    /** Names a place in the input for error messages (as {@link WimSource#describe} does). */
    public interface Where {
        String describe(String structure, long offset, String detail);
    }

    /**
     * Validates the 208 bytes {@code b} of a header read at {@code headerOffset} (whose magic was
     * checked by the caller: {@code pipable} says which one it was).
     */
    public static WimHeader parse(byte[] b, boolean pipable, long headerOffset, Where src)
            throws WimFormatException {
        long headerSize = LittleEndian.u32(b, 8);
        if (headerSize != DISK_SIZE) {
            throw new InvalidHeaderException(src.describe("WIM header", headerOffset + 8,
                    "header size is " + headerSize + ", expected " + DISK_SIZE));
        }
        int version = LittleEndian.s32(b, 12);
        if (version != VERSION_DEFAULT && version != VERSION_SOLID) {
            throw new UnknownWimVersionException(src.describe("WIM header", headerOffset + 12,
                    "unknown WIM version 0x" + Integer.toHexString(version)));
        }
        int flags = LittleEndian.s32(b, 16);
        int chunkSize = LittleEndian.s32(b, 20);
        byte[] guid = java.util.Arrays.copyOfRange(b, 24, 40);
        int part = LittleEndian.u16(b, 40);
        int parts = LittleEndian.u16(b, 42);
        if (parts == 0 || part == 0 || part > parts) {
            throw new InvalidHeaderException(src.describe("WIM header", headerOffset + 40,
                    "invalid part number " + part + " of " + parts));
        }
        long imageCount = LittleEndian.u32(b, 44);
        if (imageCount > Integer.MAX_VALUE - 1) {
            throw new InvalidHeaderException(src.describe("WIM header", headerOffset + 44,
                    "invalid image count " + imageCount));
        }
        WimHeader h = new WimHeader(pipable, version, flags, chunkSize, guid, part, parts, imageCount,
                ResourceHeader.parse(b, 48), ResourceHeader.parse(b, 72), ResourceHeader.parse(b, 96),
                LittleEndian.u32(b, 120), ResourceHeader.parse(b, 124));
        h.compressionType(src); // validates the compression flags
        h.validateChunkSize(src);
        return h;
    }

    /** The 208-byte on-disk form (non-pipable magic; the reserved tail is zero). */
    public byte[] toBytes() {
        byte[] b = new byte[DISK_SIZE];
        LittleEndian.put64(b, 0, pipable ? PIPABLE_MAGIC : MAGIC);
        LittleEndian.put32(b, 8, DISK_SIZE);
        LittleEndian.put32(b, 12, version);
        LittleEndian.put32(b, 16, flags);
        LittleEndian.put32(b, 20, chunkSize);
        System.arraycopy(guid, 0, b, 24, 16);
        LittleEndian.put16(b, 40, partNumber);
        LittleEndian.put16(b, 42, totalParts);
        LittleEndian.put32(b, 44, imageCount);
        blobTable.write(b, 48);
        xmlData.write(b, 72);
        bootMetadata.write(b, 96);
        LittleEndian.put32(b, 120, bootIndex);
        integrityTable.write(b, 124);
        return b;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Compression of non-solid resources, decided by the header flags as wimlib does. */
    public CompressionType compressionType() {
        if (!has(FLAG_COMPRESSION)) {
            return CompressionType.NONE;
        }
        if (has(FLAG_COMPRESS_LZX)) {
            return CompressionType.LZX;
        }
        if (has(FLAG_COMPRESS_XPRESS) || has(FLAG_COMPRESS_XPRESS_2)) {
            return CompressionType.XPRESS;
        }
        if (has(FLAG_COMPRESS_LZMS)) {
            return CompressionType.LZMS;
        }
        return null;
    }

    private CompressionType compressionType(Where src) throws InvalidHeaderException {
        CompressionType t = compressionType();
        if (t == null) {
            throw new InvalidHeaderException(src.describe("WIM header", 16,
                    "COMPRESSION flag set without a known compression format (flags 0x" + Integer.toHexString(flags) + ")"));
        }
        return t;
    }

    private void validateChunkSize(Where src) throws InvalidHeaderException {
        if (!ChunkSizes.valid(chunkSize, compressionType())) {
            throw new InvalidHeaderException(src.describe("WIM header", 20, "invalid chunk size "
                    + Integer.toUnsignedString(chunkSize) + " for compression " + compressionType()));
        }
    }

    /** Offset where the blob table ends; the integrity table covers [208, this). */
    public long blobTableEnd() {
        return blobTable.offsetInWim() + blobTable.sizeInWim();
    }

    public boolean hasIntegrityTable() {
        return integrityTable.offsetInWim() != 0;
    }

    /** Wraps a message in the right exception for a header-referenced structure. */
    static WimFormatException beyondEnd(WimSource src, String structure, ResourceHeader r) {
        return new TruncatedWimException(src.describe(structure, r.offsetInWim(), "resource of " + r.sizeInWim()
                + " bytes extends beyond end of file (size " + src.size() + ")"));
    }
}
