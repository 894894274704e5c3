package org.fenestra.wim.internal.write;

import java.io.IOException;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceReader;
import org.fenestra.wim.internal.format.WimHeader;

/**
 * A blob of an opened WIM (whose header is {@code wim}): read (decompressing) through its
 * resource, or, when {@code reading} allows, copied raw.
 */
public record WimBlobSource(BlobDescriptor blob, WimHeader wim, BlobReading reading) implements BlobSource {
    @Override
    public void read(ResourceReader.DataSink sink) throws IOException {
        if (blob.resource().solid()) {
            reading.cache().read(blob.resource(), blob.offsetInResource(), blob.size(), sink);
        } else {
            ResourceReader.read(blob.resource(), blob.offsetInResource(), blob.size(), true, sink);
        }
    }

    @Override
    public long[] fileOrder() {
        return new long[] { blob.partNumber(), blob.resource().offset(), blob.offsetInResource() };
    }

    @Override
    public BlobDescriptor wimBlob() {
        return blob;
    }

    @Override
    public boolean inSolidResource() {
        return blob.resource().solid();
    }

    @Override
    public Resource rawCopyCandidate() {
        return reading.rawCopy() && blob.offsetInResource() == 0 && blob.resource().uncompressedSize() == blob.size()
                ? blob.resource() : null;
    }

    @Override
    public boolean storedRawIn(CompressionType type, int chunkSize) {
        return wim.compressionType() == type && wim.chunkSize() == chunkSize;
    }

    @Override
    public String describe() {
        return blob.resource().source().name() + ": blob " + LittleEndian.hex(blob.hash());
    }
}
