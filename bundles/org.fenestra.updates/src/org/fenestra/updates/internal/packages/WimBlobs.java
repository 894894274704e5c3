package org.fenestra.updates.internal.packages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.model.WimProgress;

/** Small files of a WIM image read into memory (manifests), each checked against its SHA-1 as it streams. */
public final class WimBlobs {

    private WimBlobs() {
    }

    /**
     * The content of each blob; the caller bounds their sizes. Blobs must be distinct (by data), as
     * the engine delivers each resource once.
     */
    public static Map<WimBlob, byte[]> read(WimImage image, List<WimBlob> blobs, WimProgress progress) throws IOException {
        Map<WimBlob, ByteArrayOutputStream> buffers = new IdentityHashMap<>();
        image.readBlobs(blobs, new BlobDataSink() {
            @Override
            public void begin(WimBlob blob) {
                buffers.put(blob, new ByteArrayOutputStream((int) blob.size()));
            }

            @Override
            public void data(WimBlob blob, byte[] b, int off, int len) {
                buffers.get(blob).write(b, off, len);
            }

            @Override
            public void end(WimBlob blob) {
            }
        }, progress);
        Map<WimBlob, byte[]> contents = new IdentityHashMap<>();
        buffers.forEach((blob, buffer) -> contents.put(blob, buffer.toByteArray()));
        return contents;
    }
}
