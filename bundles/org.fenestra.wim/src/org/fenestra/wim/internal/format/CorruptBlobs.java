package org.fenestra.wim.internal.format;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.WimException;
import org.fenestra.wim.model.ChunkSizes;

/** Describes a blob whose data is corrupted, in the terms wimlib reports it in. */
public final class CorruptBlobs {
    private CorruptBlobs() {
    }

    /** {@code actual}: the SHA-1 its data hashed to, or null when {@code error} kept it from being read. */
    public static CorruptBlob describe(BlobDescriptor b, byte[] actual, WimException error) {
        Resource r = b.resource();
        CompressionType c = r.compression();
        return new CorruptBlob(r.source().path().toString(), b.hash(), b.size(), r.offset(), r.sizeInWim(),
                r.uncompressedSize(), r.header().flags(), ChunkSizes.displayName(c), r.chunkSize(), actual, error);
    }

    /** The error for a blob whose data hashed to {@code actual} instead of its SHA-1. */
    public static BlobHashMismatchException mismatch(BlobDescriptor b, byte[] actual) {
        Resource r = b.resource();
        return new BlobHashMismatchException(r.source().describe(r.describe(), r.offset(), "blob of " + b.size()
                + " bytes has SHA-1 " + LittleEndian.hex(actual) + ", expected " + LittleEndian.hex(b.hash())),
                describe(b, actual, null));
    }
}
