package org.fenestra.wim;

import org.fenestra.wim.internal.format.BlobDescriptor;

/**
 * A blob of an opened WIM: the stored data of one or more streams with the same SHA-1, and
 * the unit {@link WimImage#readBlobs} streams. Two instances are equal when they name the
 * same blob of the same opened WIM, so they can key maps.
 *
 * @since 0.1
 */
public final class WimBlob {
    private final BlobDescriptor descriptor;
    private final WimBlobInfo info;

    WimBlob(BlobDescriptor descriptor, WimBlobInfo info) {
        this.descriptor = descriptor;
        this.info = info;
    }

    /** SHA-1 of the data (a copy). */
    public byte[] hash() {
        return descriptor.hash().clone();
    }

    /** Uncompressed size. */
    public long size() {
        return descriptor.size();
    }

    /** Where the blob is stored, as {@code wimlib-imagex dir --detailed} shows it. */
    public WimBlobInfo info() {
        return info;
    }

    BlobDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WimBlob other && other.descriptor == descriptor;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(descriptor);
    }

    @Override
    public String toString() {
        return "WimBlob[size=" + size() + "]";
    }
}
