package org.fenestra.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;

import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.model.WriteOptions;

/**
 * An upper bound of the bytes exporting one image to a new WIM writes. It follows what an
 * export writes: each distinct blob once (its stored bytes when copied as it is; when
 * recompressed, its size plus a chunk table, since chunks that do not shrink are stored
 * raw), the image's metadata (dentries, streams, security descriptors, uncompressed), the
 * XML, the blob table, the header and an integrity table, rounded up to whole allocation
 * units.
 */
final class ExportSizeBound {
    private static final long SMALLEST_CHUNK = 4096;
    private static final long INTEGRITY_CHUNK = 10L * 1024 * 1024;
    private static final long ALLOCATION_UNIT = 64 * 1024;

    private ExportSizeBound() {
    }

    static long of(WimFile wim, int index, WriteOptions options) throws IOException {
        boolean recompressed = wim.hasSolidResources() || options.recompress();
        WimImage image = wim.openImage(index);
        Set<ByteBuffer> seen = new HashSet<>();
        long[] total = { WimHeader.DISK_SIZE + wim.xmlBytes().length + BlobDescriptor.DISK_SIZE };
        if (image.root() != null) {
            image.walk(image.root(), entry -> total[0] += entryBytes(entry, seen, recompressed));
        }
        total[0] += (long) BlobDescriptor.DISK_SIZE * seen.size();
        total[0] = withChunkTable(total[0]);
        if (options.integrity()) {
            total[0] += 12 + 20 * (total[0] / INTEGRITY_CHUNK + 1);
        }
        return (total[0] / ALLOCATION_UNIT + 1) * ALLOCATION_UNIT;
    }

    /** One dentry's metadata (with room for tagged items and alignment) plus its blobs not yet counted. */
    private static long entryBytes(WimEntry entry, Set<ByteBuffer> seen, boolean recompressed) {
        long bytes = 160 + 4L * (entry.name().length() + (entry.shortName() == null ? 0 : entry.shortName().length()));
        byte[] security = entry.securityDescriptor();
        bytes += security == null ? 0 : security.length + 8;
        for (WimStream stream : entry.streams()) {
            bytes += 48 + (stream.name() == null ? 0 : 2L * stream.name().length());
            WimBlobInfo blob = stream.blob();
            if (blob != null && seen.add(ByteBuffer.wrap(blob.hash()))) {
                bytes += recompressed || blob.solid() ? withChunkTable(blob.size()) : blob.compressedSize();
            }
        }
        return bytes;
    }

    private static long withChunkTable(long size) {
        return size + 8 * (size / SMALLEST_CHUNK + 1) + 24;
    }
}
