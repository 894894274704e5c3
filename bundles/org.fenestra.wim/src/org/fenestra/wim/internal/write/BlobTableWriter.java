package org.fenestra.wim.internal.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.internal.format.ResourceHeader;

/**
 * Serializes blob table entries (layout in {@link BlobDescriptor}).
 *
 * <p>Blobs in a solid resource are listed, as wimlib and WIMGAPI write them, after one entry
 * for the resource itself (flags SOLID, the resource's offset and stored size, uncompressed
 * size {@link ResourceHeader#SOLID_RESOURCE_MARKER}, reference count 1, zero hash); each blob's
 * entry then has flags SOLID, size = blob size, offset = offset within the uncompressed data of
 * the run's resources taken one after the other, uncompressed size 0.
 */
final class BlobTableWriter {
    /** One entry: where the blob is, which part holds it, how many streams refer to it, its SHA-1. */
    record Entry(ResourceHeader reshdr, int partNumber, long refCount, byte[] hash) {
    }

    private static final byte[] ZERO_HASH = new byte[20];

    private BlobTableWriter() {
    }

    /**
     * Entries for stored file data, in wimlib's order: blobs in their own resources by offset,
     * then each solid resource (by offset) followed by its blobs (by offset within it).
     */
    static List<Entry> dataEntries(Map<OutputBlob, Long> refs, int partNumber) {
        List<OutputBlob> plain = new ArrayList<>();
        List<OutputBlob> solid = new ArrayList<>();
        for (OutputBlob b : refs.keySet()) {
            (b.solidResource() == null ? plain : solid).add(b);
        }
        plain.sort(Comparator.comparingLong(b -> b.reshdr().offsetInWim()));
        solid.sort(Comparator.<OutputBlob>comparingLong(b -> b.solidResource().offsetInWim())
                .thenComparingLong(b -> b.reshdr().offsetInWim()));
        List<Entry> entries = new ArrayList<>();
        for (OutputBlob b : plain) {
            entries.add(new Entry(b.reshdr(), partNumber, refs.get(b), b.hash()));
        }
        ResourceHeader current = null;
        long logicalOffset = 0; // offsets count across the run's resources, as WIMGAPI expects
        for (OutputBlob b : solid) {
            ResourceHeader res = b.solidResource();
            if (res != current) {
                if (current != null) {
                    logicalOffset += current.uncompressedSize();
                }
                current = res;
                entries.add(new Entry(new ResourceHeader(res.sizeInWim(), ResourceHeader.FLAG_SOLID, res.offsetInWim(),
                        ResourceHeader.SOLID_RESOURCE_MARKER), partNumber, 1, ZERO_HASH));
            }
            ResourceHeader h = b.reshdr();
            entries.add(new Entry(new ResourceHeader(h.sizeInWim(), h.flags(), h.offsetInWim() + logicalOffset, 0),
                    partNumber, refs.get(b), b.hash()));
        }
        return entries;
    }

    static byte[] write(List<Entry> entries) {
        byte[] b = new byte[entries.size() * BlobDescriptor.DISK_SIZE];
        int p = 0;
        for (Entry e : entries) {
            e.reshdr().write(b, p);
            LittleEndian.put16(b, p + 24, e.partNumber());
            LittleEndian.put32(b, p + 26, e.refCount());
            System.arraycopy(e.hash(), 0, b, p + 30, 20);
            p += BlobDescriptor.DISK_SIZE;
        }
        return b;
    }
}
