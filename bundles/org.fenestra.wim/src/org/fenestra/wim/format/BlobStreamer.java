package org.fenestra.wim.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.WimFormatException;
import org.fenestra.wim.WimProgress;

/**
 * Reads many blobs with each resource read once, in file order: a solid resource holding many
 * blobs is decompressed a single time and its data split among them.
 */
public final class BlobStreamer {

    /** Receives each blob's data between {@link #begin} and {@link #end}. */
    public interface BlobSink {
        void begin(BlobDescriptor blob) throws IOException;

        void data(BlobDescriptor blob, byte[] b, int off, int len) throws IOException;

        void end(BlobDescriptor blob) throws IOException;

        /**
         * A resource could not be read; {@code affected} lists its blobs not yet ended. Return
         * normally to continue with the next resource, or throw to stop.
         */
        default void failed(List<BlobDescriptor> affected, WimFormatException error) throws IOException {
            throw error;
        }
    }

    private BlobStreamer() {
    }

    public static void stream(List<BlobDescriptor> blobs, BlobSink sink, WimProgress progress) throws IOException {
        Map<Resource, List<BlobDescriptor>> byResource = new IdentityHashMap<>();
        for (BlobDescriptor b : blobs) {
            byResource.computeIfAbsent(b.resource(), r -> new ArrayList<>()).add(b);
        }
        List<Resource> order = new ArrayList<>(byResource.keySet());
        order.sort(Comparator.comparing((Resource r) -> r.source().path().toString()).thenComparingLong(Resource::offset));
        for (Resource r : order) {
            List<BlobDescriptor> group = byResource.get(r);
            group.sort(Comparator.comparingLong(BlobDescriptor::offsetInResource));
            Dispatcher d = new Dispatcher(group, sink, progress);
            try {
                d.run(r);
            } catch (WimFormatException e) {
                sink.failed(d.unfinished(), e);
            }
        }
    }

    /** Splits one read of a resource among its blobs (sorted by offset, not overlapping). */
    private static final class Dispatcher implements ResourceReader.DataSink {
        private final List<BlobDescriptor> blobs;
        private final BlobSink sink;
        private final WimProgress progress;
        private int current;
        private long position; // offset in the resource of the next byte delivered
        private boolean begun;

        Dispatcher(List<BlobDescriptor> blobs, BlobSink sink, WimProgress progress) {
            this.blobs = blobs;
            this.sink = sink;
            this.progress = progress;
        }

        void run(Resource r) throws IOException {
            long start = blobs.get(0).offsetInResource();
            long end = 0;
            for (BlobDescriptor b : blobs) {
                end = Math.max(end, b.offsetInResource() + b.size());
            }
            position = start;
            ResourceReader.read(r, start, end - start, true, this);
            finishEmpty();
        }

        @Override
        public void accept(byte[] b, int off, int len) throws IOException {
            WimProgress.checkCanceled(progress);
            int p = off;
            int left = len;
            while (left > 0 && current < blobs.size()) {
                BlobDescriptor blob = blobs.get(current);
                long blobStart = blob.offsetInResource();
                long blobEnd = blobStart + blob.size();
                if (position < blobStart) { // gap between blobs
                    int skip = (int) Math.min(left, blobStart - position);
                    p += skip;
                    left -= skip;
                    position += skip;
                    continue;
                }
                if (!begun) {
                    sink.begin(blob);
                    begun = true;
                }
                int n = (int) Math.min(left, blobEnd - position);
                if (n > 0) {
                    sink.data(blob, b, p, n);
                }
                p += n;
                left -= n;
                position += n;
                progress.worked(n);
                if (position == blobEnd) {
                    sink.end(blob);
                    begun = false;
                    current++;
                }
            }
        }

        /** Blobs of size 0 never see data; solid runs do not hold them, but be safe. */
        private void finishEmpty() throws IOException {
            while (current < blobs.size() && blobs.get(current).size() == 0) {
                sink.begin(blobs.get(current));
                sink.end(blobs.get(current));
                current++;
            }
        }

        List<BlobDescriptor> unfinished() {
            return new ArrayList<>(blobs.subList(current, blobs.size()));
        }
    }
}
