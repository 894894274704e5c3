package org.fenestra.wim.internal.format;

import java.util.Arrays;

import org.fenestra.wim.errors.InvalidMetadataException;

/**
 * The security data at the start of an image's metadata resource: the image's table of
 * Windows self-relative security descriptors, referenced by index from the dentries.
 *
 * <pre>
 * offset size field
 *  0     4    total length, including this header, rounded up to 8 (0 means 8)
 *  4     4    number of descriptors n
 *  8   8*n    size of each descriptor
 * ...         the descriptors, back to back
 * </pre>
 */
public final class SecurityData {
    private final long totalLength;
    private final byte[][] descriptors;

    private SecurityData(long totalLength, byte[][] descriptors) {
        this.totalLength = totalLength;
        this.descriptors = descriptors;
    }

    public static SecurityData parse(byte[] buf, String where) throws InvalidMetadataException {
        if (buf.length < 8) {
            throw invalid(where, 0, "metadata resource of " + buf.length + " bytes has no security data header");
        }
        long total = align8(LittleEndian.u32(buf, 0));
        if (total == 0) {
            total = 8;
        }
        long count = LittleEndian.u32(buf, 4);
        if (total > buf.length) {
            throw invalid(where, 0, "total length " + total + " exceeds the metadata resource (" + buf.length + " bytes)");
        }
        long fixed = 8 + count * 8;
        if (count > 0x80000000L || fixed > total) {
            throw invalid(where, 4, count + " descriptor sizes do not fit in " + total + " bytes");
        }
        byte[][] descriptors = new byte[(int) count][];
        long pos = fixed;
        for (int i = 0; i < count; i++) {
            long size = LittleEndian.u64(buf, 8 + i * 8);
            if (size < 0 || size > total - pos) {
                throw invalid(where, 8 + i * 8L, "descriptor " + i + " of " + Long.toUnsignedString(size)
                        + " bytes exceeds the security data");
            }
            descriptors[i] = Arrays.copyOfRange(buf, (int) pos, (int) (pos + size));
            pos += size;
        }
        return new SecurityData(total, descriptors);
    }

    private static long align8(long v) {
        return (v + 7) & ~7L;
    }

    private static InvalidMetadataException invalid(String where, long offset, String detail) {
        return new InvalidMetadataException(where + ": security data at offset 0x" + Long.toHexString(offset) + ": " + detail);
    }

    /** Bytes the security data occupies; the root dentry follows. */
    public long totalLength() {
        return totalLength;
    }

    public int count() {
        return descriptors.length;
    }

    /** Descriptor {@code id}, or null for an id without a descriptor (negative or out of range). */
    public byte[] descriptor(int id) {
        return id >= 0 && id < descriptors.length ? descriptors[id] : null;
    }
}
