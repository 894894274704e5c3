package org.fenestra.wim.internal.write;

import org.fenestra.wim.internal.read.SolidChunkCache;

/**
 * How an export or rebuild reads the source's blobs: solid chunks through one cache, and
 * compressed bytes copied raw unless {@code rawCopy} is false ({@code --recompress}).
 */
public record BlobReading(SolidChunkCache cache, boolean rawCopy) {

    /** For writers that only keep blobs where they are (in-place changes of non-solid WIMs). */
    public static BlobReading keeping() {
        return new BlobReading(new SolidChunkCache(), true);
    }
}
