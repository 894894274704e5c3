package org.fenestra.wim;

import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ResourceHeader;

/**
 * Where a blob is stored, as {@code wimlib-imagex dir --detailed} shows it.
 *
 * @param hash                  SHA-1 of the data
 * @param size                  uncompressed size
 * @param compressedSize        size of its (non-solid) resource in the file; 0 for solid blobs
 * @param offset                resource offset in the file, or for solid blobs the offset in the solid resource
 * @param partNumber            part of the split set holding it
 * @param refCount              reference count from the blob table
 * @param resourceFlags         {@link ResourceHeader} flags of the resource
 * @param solidUncompressedSize solid resource: its uncompressed size
 * @param solidCompressedSize   solid resource: its size in the file
 * @param solidOffset           solid resource: its offset in the file
 *
 * @since 0.1
 */
public record WimBlobInfo(byte[] hash, long size, long compressedSize, long offset, int partNumber, long refCount,
        int resourceFlags, long solidUncompressedSize, long solidCompressedSize, long solidOffset) {

    static WimBlobInfo of(BlobDescriptor b, int partNumber) {
        ResourceHeader h = b.resource().header();
        boolean solid = b.resource().solid();
        return new WimBlobInfo(b.hash(), b.size(), solid ? 0 : h.sizeInWim(),
                solid ? b.offsetInResource() : h.offsetInWim(), partNumber, b.refCount(), h.flags(),
                b.resource().uncompressedSize(), h.sizeInWim(), h.offsetInWim());
    }

    public boolean solid() {
        return (resourceFlags & ResourceHeader.FLAG_SOLID) != 0;
    }

    public boolean has(int resourceFlag) {
        return (resourceFlags & resourceFlag) != 0;
    }
}
