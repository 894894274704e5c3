package org.fenestra.wim.internal.format;

/**
 * The header wimlib puts before every resource of a pipable WIM, so a reader of the stream
 * knows each blob before the blob table (which comes last) is seen.
 *
 * <pre>
 * offset size field
 *   0     8   magic 0x2b9b9ba2443db9d8
 *   8     8   uncompressed size (never 0)
 *  16    20   SHA-1 of the uncompressed data
 *  36     4   resource header flags (COMPRESSED, METADATA)
 * </pre>
 *
 * A compressed resource then holds, for each chunk, a 4-byte stored size followed by the
 * chunk, and last the usual chunk table (offsets not counting the 4-byte sizes); an
 * uncompressed one holds the data as it is. The resource header in the blob table points just
 * after this header.
 */
public record PipableBlobHeader(long uncompressedSize, byte[] hash, int flags) {
    public static final int DISK_SIZE = 40;
    public static final long MAGIC = 0x2b9b9ba2443db9d8L;
    /** Each chunk of a compressed pipable resource is preceded by its stored size, 4 bytes. */
    public static final int CHUNK_HEADER_SIZE = 4;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public byte[] toBytes() {
        byte[] b = new byte[DISK_SIZE];
        LittleEndian.put64(b, 0, MAGIC);
        LittleEndian.put64(b, 8, uncompressedSize);
        System.arraycopy(hash, 0, b, 16, 20);
        LittleEndian.put32(b, 36, flags);
        return b;
    }

    /** The header in {@code b} (40 bytes), or null when it does not start with the magic. */
    public static PipableBlobHeader parse(byte[] b) {
        if (LittleEndian.u64(b, 0) != MAGIC) {
            return null;
        }
        return new PipableBlobHeader(LittleEndian.u64(b, 8), java.util.Arrays.copyOfRange(b, 16, 36),
                LittleEndian.s32(b, 36));
    }
}
