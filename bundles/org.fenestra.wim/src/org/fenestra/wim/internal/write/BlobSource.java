package org.fenestra.wim.internal.write;

import java.io.IOException;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceReader;

/** Where the data of a blob to be written comes from. Sources can be read more than once. */
public interface BlobSource {

    /** Streams the whole uncompressed data, in order, to {@code sink}. */
    void read(ResourceReader.DataSink sink) throws IOException;

    /**
     * A resource of another WIM holding exactly this blob, whose bytes may be copied unchanged
     * when the output uses the same compression and chunk size; null if none.
     */
    default Resource rawCopyCandidate() {
        return null;
    }

    /**
     * Whether {@link #rawCopyCandidate()} is stored raw in a WIM written with this compression
     * and chunk size, i.e. its writer found that compressing it does not make it smaller.
     */
    default boolean storedRawIn(CompressionType type, int chunkSize) {
        return false;
    }

    /**
     * Where the data lies in the WIM it is read from (part, resource offset, offset in the
     * resource), so blobs can be read in file order as wimlib does; null for other sources.
     */
    default long[] fileOrder() {
        return null;
    }

    /**
     * The blob of an opened WIM this source reads, so that many such blobs can be read
     * together (each resource once, decompressed on worker threads); null for other sources.
     */
    default BlobDescriptor wimBlob() {
        return null;
    }

    /** Whether the data lies in a solid resource of the WIM it is read from. */
    default boolean inSolidResource() {
        return false;
    }

    /** What to name in error messages. */
    String describe();

    /** Data already in memory (reparse data, metadata resources). */
    static BlobSource of(byte[] data, String what) {
        return new BlobSource() {
            @Override
            public void read(ResourceReader.DataSink sink) throws IOException {
                sink.accept(data, 0, data.length);
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }
}
