package org.fenestra.wim.write;

import java.util.List;

import org.fenestra.wim.format.BlobDescriptor;
import org.fenestra.wim.format.LittleEndian;
import org.fenestra.wim.format.ResourceHeader;

/** Serializes blob table entries (layout in {@link BlobDescriptor}). */
final class BlobTableWriter {
    /** One entry: where the blob is, which part holds it, how many streams refer to it, its SHA-1. */
    record Entry(ResourceHeader reshdr, int partNumber, long refCount, byte[] hash) {
    }

    private BlobTableWriter() {
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
