package org.fenestra.wim.errors;

/**
 * A blob whose data does not hash to its SHA-1, or could not be read, described as wimlib
 * reports it ("A WIM resource is corrupted!").
 *
 * @param file                     the WIM file (part) holding it
 * @param expectedHash             the SHA-1 its blob table entry records
 * @param size                     its uncompressed size
 * @param resourceOffset           offset of its resource in the file
 * @param resourceSizeInWim        stored size of its resource
 * @param resourceUncompressedSize uncompressed size of its resource
 * @param resourceFlags            resource header flags
 * @param compression              compression type of the resource, as wimlib names it
 * @param chunkSize                chunk size of the resource
 * @param actualHash               the SHA-1 its data hashed to; null when the data could not be
 *                                 read ({@code error} says why)
 * @param error                    why it could not be read; null for a SHA-1 mismatch
 * @since 0.1
 */
public record CorruptBlob(String file, byte[] expectedHash, long size, long resourceOffset, long resourceSizeInWim,
        long resourceUncompressedSize, int resourceFlags, String compression, int chunkSize, byte[] actualHash,
        WimException error) {
}
