package org.fenestra.wim.internal.write;

import java.util.Arrays;

import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ResourceHeader;

/**
 * One blob of the WIM being written: its data source, its SHA-1 (known up front, or computed
 * while it is written) and, once written, the resource header that locates it. A blob found
 * to duplicate one already written is not stored again: {@link #canonical()} names the copy
 * that was kept.
 */
public final class OutputBlob {
    private final long size;
    private final BlobSource source;
    private byte[] hash;
    private ResourceHeader reshdr;
    private ResourceHeader solidResource;
    private OutputBlob duplicateOf;
    private boolean metadata;

    public OutputBlob(long size, byte[] hash, BlobSource source) {
        this.size = size;
        this.hash = hash == null ? null : hash.clone();
        this.source = source;
    }

    /**
     * A blob the WIM being appended to already stores at {@code reshdr} (a non-solid resource):
     * it is never written, new blobs with its SHA-1 become its duplicates.
     */
    public static OutputBlob alreadyStored(long size, byte[] hash, ResourceHeader reshdr, boolean metadata,
            BlobSource source) {
        OutputBlob b = new OutputBlob(size, hash, source);
        b.reshdr = reshdr;
        b.metadata = metadata;
        return b;
    }

    /** An image's metadata resource (never shared with another blob, whatever its SHA-1). */
    public static OutputBlob metadata(long size, byte[] hash, BlobSource source) {
        OutputBlob b = new OutputBlob(size, hash, source);
        b.metadata = true;
        return b;
    }

    public long size() {
        return size;
    }

    public BlobSource source() {
        return source;
    }

    /** SHA-1 of the data; null while not yet computed. */
    public byte[] hash() {
        OutputBlob c = canonical();
        return c.hash == null ? null : c.hash.clone();
    }

    public BlobDescriptor.Sha1Key key() {
        return new BlobDescriptor.Sha1Key(hash());
    }

    void setHash(byte[] h) {
        if (hash != null && !Arrays.equals(hash, h)) {
            throw new IllegalStateException("hash of a blob changed");
        }
        hash = h.clone();
    }

    boolean hashKnown() {
        return hash != null;
    }

    /** Where the data lies in the output WIM; null until written. */
    public ResourceHeader reshdr() {
        return canonical().reshdr;
    }

    void setReshdr(ResourceHeader h) {
        reshdr = h;
    }

    /**
     * The solid resource holding the data, or null for a blob in its own resource. For a blob
     * in a solid resource, {@link #reshdr()} is its blob table form: size in WIM = blob size,
     * flags SOLID, offset = offset within the resource's uncompressed data, uncompressed size 0.
     */
    public ResourceHeader solidResource() {
        return canonical().solidResource;
    }

    void placeInSolidResource(ResourceHeader resource, long offsetInResource) {
        solidResource = resource;
        reshdr = new ResourceHeader(size, ResourceHeader.FLAG_SOLID, offsetInResource, 0);
    }

    void markDuplicateOf(OutputBlob kept) {
        duplicateOf = kept;
    }

    boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The blob that holds the data in the output: this one, or the earlier copy it duplicates. */
    public OutputBlob canonical() {
        OutputBlob b = this;
        while (b.duplicateOf != null) {
            b = b.duplicateOf;
        }
        return b;
    }

    void markMetadata() {
        metadata = true;
    }

    boolean isMetadata() {
        return metadata;
    }
}
