package org.fenestra.wim.internal.format;

/**
 * A resource header ("reshdr"), 24 bytes, used in the WIM header and in blob table entries.
 *
 * <pre>
 * offset size field
 *  0     7    size in WIM: bytes the resource occupies in the file (compressed size)
 *  7     1    flags: FREE 0x01, METADATA 0x02, COMPRESSED 0x04, SPANNED 0x08, SOLID 0x10
 *  8     8    offset of the resource from the start of the file
 * 16     8    uncompressed size (for a solid-resource entry: the marker 0x100000000)
 * </pre>
 */
public record ResourceHeader(long sizeInWim, int flags, long offsetInWim, long uncompressedSize) {

    public static final int DISK_SIZE = 24;
    public static final int FLAG_FREE = 0x01;
    public static final int FLAG_METADATA = 0x02;
    public static final int FLAG_COMPRESSED = 0x04;
    public static final int FLAG_SPANNED = 0x08;
    public static final int FLAG_SOLID = 0x10;
    /** Uncompressed size that marks a blob table entry as describing a whole solid resource. */
    public static final long SOLID_RESOURCE_MARKER = 0x100000000L;

    public static ResourceHeader parse(byte[] b, int off) {
        return new ResourceHeader(LittleEndian.uN(b, off, 7), b[off + 7] & 0xFF, LittleEndian.u64(b, off + 8),
                LittleEndian.u64(b, off + 16));
    }

    /** Writes the 24-byte on-disk form at {@code b[off]}. */
    public void write(byte[] b, int off) {
        LittleEndian.putN(b, off, sizeInWim, 7);
        b[off + 7] = (byte) flags;
        LittleEndian.put64(b, off + 8, offsetInWim);
        LittleEndian.put64(b, off + 16, uncompressedSize);
    }

    public static final ResourceHeader NONE = new ResourceHeader(0, 0, 0, 0);

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public ResourceHeader withFlags(int newFlags) {
        return new ResourceHeader(sizeInWim, newFlags, offsetInWim, uncompressedSize);
    }

    /** True when offset + size lies within a file of {@code fileSize} bytes (overflow-safe). */
    public boolean fitsIn(long fileSize) {
        return offsetInWim >= 0 && sizeInWim >= 0 && offsetInWim <= fileSize && sizeInWim <= fileSize - offsetInWim;
    }
}
