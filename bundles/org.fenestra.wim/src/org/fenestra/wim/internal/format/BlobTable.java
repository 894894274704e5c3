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
import org.fenestra.wim.errors.TruncatedWimException;

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
        byte[] raw = ResourceReader.readAll(Resource.nonSolid(src, hdr, tableHdr), "blob table", MAX_TABLE_BYTES);
        return new Reader(src, hdr, tableHdr, raw).readAll();
    }

    /** One 50-byte entry as stored (layout in {@link BlobDescriptor}). */
    private record Entry(int index, long offsetInWim, ResourceHeader resource, int part, long refCount, byte[] hash) {
        String where() {
            return "blob table entry " + index;
        }
    }

    /** Where an entry's data lies: its resource, the offset in it and the uncompressed size. */
    private record Location(Resource resource, long offset, long size) {
    }

    /** Reads the entries of one table in order, applying wimlib's rules (see the class comment). */
    private static final class Reader {
        private final WimSource src;
        private final WimHeader hdr;
        private final ResourceHeader tableHdr;
        private final byte[] raw;
        private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new LinkedHashMap<>();
        private final List<BlobDescriptor> metadata = new ArrayList<>();
        private int duplicates;
        private int empty;
        private int otherPart;
        /** The run of SOLID entries being read, or null between runs. */
        private SolidRun run;

        Reader(WimSource src, WimHeader hdr, ResourceHeader tableHdr, byte[] raw) {
            this.src = src;
            this.hdr = hdr;
            this.tableHdr = tableHdr;
            this.raw = raw;
        }

        BlobTable readAll() throws IOException {
            int n = raw.length / BlobDescriptor.DISK_SIZE;
            for (int i = 0; i < n; i++) {
                Entry e = parse(i);
                Location where = e.resource().has(ResourceHeader.FLAG_SOLID) ? inSolidRun(e, n) : inOwnResource(e);
                if (where != null) {
                    accept(e, new BlobDescriptor(e.hash(), where.size(), where.resource(), where.offset(), e.part(),
                            e.refCount(), e.resource().has(ResourceHeader.FLAG_METADATA), i));
                }
            }
            endRun();
            if (duplicates + empty + otherPart > 0) {
                LOG.log(Level.DEBUG, "{0}: ignored {1} duplicate, {2} empty and {3} other-part blob entries",
                        src.name(), duplicates, empty, otherPart);
            }
            return new BlobTable(blobs, metadata);
        }

        private Entry parse(int i) {
            int at = i * BlobDescriptor.DISK_SIZE;
            ResourceHeader rh = ResourceHeader.parse(raw, at);
            if (hdr.version() == WimHeader.VERSION_DEFAULT) {
                rh = rh.withFlags(rh.flags() & ~ResourceHeader.FLAG_SOLID);
            }
            long offsetInWim = tableHdr.offsetInWim() + at; // exact for the usual uncompressed table
            return new Entry(i, offsetInWim, rh, LittleEndian.u16(raw, at + 24), LittleEndian.u32(raw, at + 26),
                    Arrays.copyOfRange(raw, at + 30, at + 50));
        }

        /** A SOLID entry: a solid resource of the run (null: no blob), or a blob placed in one. */
        private Location inSolidRun(Entry e, int n) throws IOException {
            ResourceHeader rh = e.resource();
            if (run == null) {
                run = SolidRun.load(src, raw, e.index(), n);
            }
            if (rh.uncompressedSize() == ResourceHeader.SOLID_RESOURCE_MARKER) {
                return null; // describes a resource, not a blob
            }
            if (e.part() != hdr.partNumber()) {
                otherPart++;
                return null;
            }
            SolidRun.Placement p = run.place(rh.offsetInWim(), rh.sizeInWim());
            if (p == null) {
                throw new InvalidBlobTableException(src.describe(e.where(), e.offsetInWim(), "blob at "
                        + rh.offsetInWim() + "+" + rh.sizeInWim() + " lies in no solid resource of its run"));
            }
            return new Location(p.resource(), p.offset(), rh.sizeInWim());
        }

        /** A non-solid entry: the blob is its own resource. Ends any run of solid entries. */
        private Location inOwnResource(Entry e) throws IOException {
            ResourceHeader rh = e.resource();
            endRun();
            if (!rh.has(ResourceHeader.FLAG_COMPRESSED) && rh.sizeInWim() != rh.uncompressedSize()) {
                throw new InvalidBlobTableException(src.describe(e.where(), e.offsetInWim(),
                        "uncompressed resource has size in WIM " + rh.sizeInWim() + " != uncompressed size "
                                + rh.uncompressedSize()));
            }
            return new Location(Resource.nonSolid(src, hdr, rh), 0, rh.uncompressedSize());
        }

        private void endRun() throws InvalidBlobTableException {
            if (run != null) {
                run.checkNoOverlap(src);
                run = null;
            }
        }

        /** Keeps a blob unless wimlib ignores it (all-zero hash, empty, other part, duplicate). */
        private void accept(Entry e, BlobDescriptor blob) throws IOException {
            ResourceHeader rh = e.resource();
            if (blob.key().isZero()) {
                return;
            }
            if (blob.size() == 0) {
                empty++;
                return;
            }
            if (e.part() != hdr.partNumber()) {
                otherPart++;
                return;
            }
            if (!rh.has(ResourceHeader.FLAG_SOLID) && !rh.fitsIn(src.size())) {
                throw new TruncatedWimException(src.describe(e.where(), e.offsetInWim(), "resource offset 0x"
                        + Long.toHexString(rh.offsetInWim()) + " + " + rh.sizeInWim()
                        + " bytes beyond end of file (size " + src.size() + ")"));
            }
            if (blob.metadata()) {
                acceptMetadata(e, blob);
            } else if (blobs.putIfAbsent(blob.key(), blob) != null) {
                duplicates++;
            } else if (run != null) {
                run.add(blob);
            }
        }

        /** An image's metadata resource: part 1 only, one per image, never solid. */
        private void acceptMetadata(Entry e, BlobDescriptor blob) throws InvalidBlobTableException {
            if (e.refCount() == 0) {
                return;
            }
            if (e.refCount() != 1) {
                throw new InvalidBlobTableException(src.describe(e.where(), e.offsetInWim(),
                        "metadata resource with reference count " + e.refCount()));
            }
            if (e.resource().has(ResourceHeader.FLAG_SOLID)) {
                throw new InvalidBlobTableException(src.describe(e.where(), e.offsetInWim(),
                        "image metadata in a solid resource is not supported"));
            }
            if (hdr.partNumber() != 1) {
                LOG.log(Level.WARNING, "{0}: ignoring metadata resource in part {1}", src.name(), hdr.partNumber());
                return;
            }
            if (metadata.size() == hdr.imageCount()) {
                LOG.log(Level.WARNING, "{0}: more metadata resources than images", src.name());
                return;
            }
            metadata.add(blob);
        }
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
