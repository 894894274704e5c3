package org.fenestra.wim.internal.format;

import java.util.Arrays;

/**
 * One blob: the data of a stream, identified by its SHA-1, located in a resource.
 *
 * <p>On disk a blob table entry is 50 bytes:
 * <pre>
 * offset size field
 *  0    24    resource header (for a blob in a solid resource: size = blob size,
 *             offset = blob offset within the run's uncompressed data)
 * 24     2    part number of the split set part holding the resource (1-based)
 * 26     4    reference count over all images
 * 30    20    SHA-1 of the uncompressed blob data (all zero for empty data)
 * </pre>
 *
 * @param hash             SHA-1 of the data
 * @param size             uncompressed size of the blob
 * @param resource         where the data is
 * @param offsetInResource offset of the blob in the resource's uncompressed data (0 unless solid)
 * @param partNumber       part number from the entry
 * @param refCount         reference count from the entry
 * @param metadata         entry has the METADATA flag (an image metadata resource)
 * @param entryIndex       index of the entry in the blob table
 */
public record BlobDescriptor(byte[] hash, long size, Resource resource, long offsetInResource, int partNumber,
        long refCount, boolean metadata, int entryIndex) {

    public static final int DISK_SIZE = 50;

    public Sha1Key key() {
        return new Sha1Key(hash);
    }

    /** A SHA-1 usable as a map key. */
    public record Sha1Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Sha1Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        public boolean isZero() {
            for (byte b : bytes) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return LittleEndian.hex(bytes);
        }
    }
}
