package org.fenestra.wim.internal.format;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.errors.InvalidBlobTableException;

/**
 * The blob table of one WIM file: an array of 50-byte {@link BlobDescriptor} entries stored as
 * a resource (referenced by the WIM header). Entries follow wimlib's rules: entries with an
 * all-zero hash or size 0 are ignored, as are entries of other parts of a split set and
 * duplicates; entries with the METADATA flag are the images' metadata resources, in order.
 * In version 0xE00 WIMs, a run of consecutive entries with the SOLID flag describes solid
 * resources (see {@link SolidResourceHeader}).
 */
public final class BlobTable {
    private static final Logger LOG = System.getLogger(BlobTable.class.getName());
    private static final long MAX_TABLE_BYTES = 1L << 30;
    /** Bytes of one stored entry. */
    public static final int ENTRY_SIZE = 50;

    private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs;
    private final List<BlobDescriptor> metadata;

    private BlobTable(Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs, List<BlobDescriptor> metadata) {
        this.blobs = blobs;
        this.metadata = metadata;
    }

    /** Blobs keyed by SHA-1, in table order. */
    /** A table without entries (a WIM read from a pipe, whose table comes last and is not needed). */
    public static BlobTable empty() {
        return new BlobTable(new java.util.LinkedHashMap<>(), List.of());
    }

    public Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs() {
        return blobs;
    }

    /** Metadata resources of the images, image 1 first (only in part 1 of a split set). */
    public List<BlobDescriptor> metadata() {
        return metadata;
    }

    public static BlobTable read(WimSource src, WimHeader hdr) throws IOException {
        ResourceHeader tableHdr = hdr.blobTable();
        if (!tableHdr.fitsIn(src.size())) {
            throw WimHeader.beyondEnd(src, "blob table", tableHdr);
        }
        Resource tableRes = Resource.nonSolid(src, hdr, tableHdr);
        byte[] raw = ResourceReader.readAll(tableRes, "blob table", MAX_TABLE_BYTES);
        int n = raw.length / BlobDescriptor.DISK_SIZE;
        Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new LinkedHashMap<>();
        List<BlobDescriptor> metadata = new ArrayList<>();
        int duplicates = 0;
        int empty = 0;
        int otherPart = 0;
        SolidRun run = null;
        for (int i = 0; i < n; i++) {
            int at = i * BlobDescriptor.DISK_SIZE;
            String where = "blob table entry " + i;
            long entryOffset = tableHdr.offsetInWim() + at; // exact for the usual uncompressed table
            ResourceHeader rh = ResourceHeader.parse(raw, at);
            if (hdr.version() == WimHeader.VERSION_DEFAULT) {
                rh = rh.withFlags(rh.flags() & ~ResourceHeader.FLAG_SOLID);
            }
            int part = LittleEndian.u16(raw, at + 24);
            long refCount = LittleEndian.u32(raw, at + 26);
            byte[] hash = Arrays.copyOfRange(raw, at + 30, at + 50);
            Resource res;
            long offsetInRes;
            long size;
            if (rh.has(ResourceHeader.FLAG_SOLID)) {
                if (run == null) {
                    run = SolidRun.load(src, raw, i, n);
                }
                if (rh.uncompressedSize() == ResourceHeader.SOLID_RESOURCE_MARKER) {
                    continue; // describes a resource, not a blob
                }
                if (part != hdr.partNumber()) {
                    otherPart++;
                    continue;
                }
                SolidRun.Placement p = run.place(rh.offsetInWim(), rh.sizeInWim());
                if (p == null) {
                    throw new InvalidBlobTableException(src.describe(where, entryOffset,
                            "blob at " + rh.offsetInWim() + "+" + rh.sizeInWim() + " lies in no solid resource of its run"));
                }
                res = p.resource();
                offsetInRes = p.offset();
                size = rh.sizeInWim();
            } else {
                if (run != null) {
                    run.checkNoOverlap(src);
                    run = null;
                }
                if (!rh.has(ResourceHeader.FLAG_COMPRESSED) && rh.sizeInWim() != rh.uncompressedSize()) {
                    throw new InvalidBlobTableException(src.describe(where, entryOffset,
                            "uncompressed resource has size in WIM " + rh.sizeInWim() + " != uncompressed size "
                                    + rh.uncompressedSize()));
                }
                res = Resource.nonSolid(src, hdr, rh);
                offsetInRes = 0;
                size = rh.uncompressedSize();
            }
            BlobDescriptor blob = new BlobDescriptor(hash, size, res, offsetInRes, part, refCount,
                    rh.has(ResourceHeader.FLAG_METADATA), i);
            if (blob.key().isZero()) {
                continue;
            }
            if (size == 0) {
                empty++;
                continue;
            }
            if (part != hdr.partNumber()) {
                otherPart++;
                continue;
            }
            if (!rh.has(ResourceHeader.FLAG_SOLID) && !rh.fitsIn(src.size())) {
                throw new org.fenestra.wim.errors.TruncatedWimException(src.describe(where, entryOffset, "resource offset 0x"
                        + Long.toHexString(rh.offsetInWim()) + " + " + rh.sizeInWim()
                        + " bytes beyond end of file (size " + src.size() + ")"));
            }
            if (blob.metadata()) {
                if (refCount == 0) {
                    continue;
                }
                if (refCount != 1) {
                    throw new InvalidBlobTableException(src.describe(where, entryOffset,
                            "metadata resource with reference count " + refCount));
                }
                if (rh.has(ResourceHeader.FLAG_SOLID)) {
                    throw new InvalidBlobTableException(src.describe(where, entryOffset,
                            "image metadata in a solid resource is not supported"));
                }
                if (hdr.partNumber() != 1) {
                    LOG.log(Level.WARNING, "{0}: ignoring metadata resource in part {1}", src.name(), hdr.partNumber());
                    continue;
                }
                if (metadata.size() == hdr.imageCount()) {
                    LOG.log(Level.WARNING, "{0}: more metadata resources than images", src.name());
                    continue;
                }
                metadata.add(blob);
            } else if (blobs.putIfAbsent(blob.key(), blob) != null) {
                duplicates++;
            } else if (run != null) {
                run.add(blob);
            }
        }
        if (run != null) {
            run.checkNoOverlap(src);
        }
        if (duplicates + empty + otherPart > 0) {
            LOG.log(Level.DEBUG, "{0}: ignored {1} duplicate, {2} empty and {3} other-part blob entries", src.name(),
                    duplicates, empty, otherPart);
        }
        return new BlobTable(blobs, metadata);
    }

    /** The solid resources of one run of SOLID entries, and the blobs placed in them. */
    private static final class SolidRun {
        record Placement(Resource resource, long offset) {
        }

        private final List<Resource> resources;
        private final List<BlobDescriptor> placed = new ArrayList<>();

        private SolidRun(List<Resource> resources) {
            this.resources = resources;
        }

        static SolidRun load(WimSource src, byte[] raw, int start, int n) throws IOException {
            List<Resource> resources = new ArrayList<>();
            for (int i = start; i < n; i++) {
                int at = i * BlobDescriptor.DISK_SIZE;
                ResourceHeader rh = ResourceHeader.parse(raw, at);
                if (!rh.has(ResourceHeader.FLAG_SOLID)) {
                    break;
                }
                if (rh.uncompressedSize() != ResourceHeader.SOLID_RESOURCE_MARKER) {
                    continue;
                }
                SolidResourceHeader sh = SolidResourceHeader.read(src, rh, "blob table entry " + i);
                resources.add(new Resource(src, rh, sh.uncompressedSize(), sh.compression(), sh.chunkSize(), true, false));
            }
            return new SolidRun(resources);
        }

        /** Finds the resource holding {@code [offset, offset+size)} of the run's concatenated data. */
        Placement place(long offset, long size) {
            long rel = offset;
            for (Resource r : resources) {
                if (rel >= 0 && size >= 0 && rel <= r.uncompressedSize() && size <= r.uncompressedSize() - rel) {
                    return new Placement(r, rel);
                }
                rel -= r.uncompressedSize();
            }
            return null;
        }

        void add(BlobDescriptor b) {
            placed.add(b);
        }

        void checkNoOverlap(WimSource src) throws InvalidBlobTableException {
            List<BlobDescriptor> sorted = new ArrayList<>(placed);
            sorted.sort(Comparator.comparing((BlobDescriptor b) -> b.resource().offset())
                    .thenComparingLong(BlobDescriptor::offsetInResource));
            for (int i = 1; i < sorted.size(); i++) {
                BlobDescriptor a = sorted.get(i - 1);
                BlobDescriptor b = sorted.get(i);
                if (a.resource() == b.resource() && a.offsetInResource() + a.size() > b.offsetInResource()) {
                    throw new InvalidBlobTableException(src.describe("blob table entry " + b.entryIndex(),
                            b.resource().offset(), "blobs overlap in a solid resource"));
                }
            }
        }
    }
}
