package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.Sha1;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.pipeline.OrderedPipeline;
import org.fenestra.wim.model.ChunkSizes;
import org.fenestra.wim.model.WimActivity;
import org.fenestra.wim.model.WimProgress;

/**
 * Writes a WIM's layout, in wimlib's order:
 *
 * <pre>
 * header (208 bytes; for a new file first written with WRITE_IN_PROGRESS, rewritten last)
 * file data resources (one per distinct blob)
 * metadata resources, image 1 first
 * blob table (metadata entries in image order, then the other blobs by offset)
 * XML data (uncompressed)
 * integrity table (optional)
 * </pre>
 *
 * Two ways, one sequence of steps: {@link #write} makes a standalone file, written to a
 * temporary file renamed over the destination only once complete and synced (on any failure
 * or cancellation it is deleted and the destination is untouched); {@link #append} adds to an
 * existing file in place, as wimlib's {@code overwrite_wim_inplace} does: new blobs, new
 * metadata, a new blob table, XML and integrity table go after the old end of the file, the
 * data is synced, and only then is the header rewritten to point at them. Until that last
 * write the old header and everything it points at are untouched, so an interrupted append
 * leaves the old WIM valid; a failure or cancellation truncates the file back.
 */
public final class WimFileWriter {
    private static final Logger LOG = System.getLogger(WimFileWriter.class.getName());
    /** What reading a file to hash it holds in memory at most (see {@link FileBlobSource}). */
    private static final long HASH_READ_BUFFER = 1 << 20;

    /** Renders an image's XML element once its statistics are known. */
    public interface ImageXml {
        /** {@code stats} is null for an image kept as it is (its element is copied). */
        String render(int index, ImageStats stats);
    }

    /** One image of the output, in index order. */
    public sealed interface Slot permits Image, KeptImage {
    }

    /**
     * An image to write: its tree, its security descriptors and its XML. {@code storedMetadata},
     * when not null, is the metadata resource this very tree was read from (an image exported or
     * rebuilt unchanged): it is copied as it is when its compression matches the output's, as
     * wimlib does, instead of being built and compressed again from the tree.
     */
    public record Image(TreeDentry root, List<byte[]> securityDescriptors, ImageXml xml, OutputBlob storedMetadata)
            implements Slot {
        public Image(TreeDentry root, List<byte[]> securityDescriptors, ImageXml xml) {
            this(root, securityDescriptors, xml, null);
        }
    }

    /**
     * An image an in-place write keeps as it is: its metadata resource stays where it is (a
     * blob from {@link OutputBlob#alreadyStored}), and its streams' blobs keep their
     * references ({@code references}: how many streams of the image name each SHA-1).
     */
    public record KeptImage(OutputBlob metadata, Map<BlobDescriptor.Sha1Key, Long> references, ImageXml xml)
            implements Slot {
    }

    /**
     * The file an in-place write appends to: its GUID (kept), the offset after which new data
     * may go, and the blobs it already stores (from {@link OutputBlob#alreadyStored}), which
     * new images share instead of storing their data again.
     */
    public record Existing(byte[] guid, long oldEnd, List<OutputBlob> blobs) {
    }

    /**
     * Output settings: compression, chunk size, level, integrity table, boot image, RP_FIX/READONLY
     * flags, and the solid resource's compression (null: each blob in its own resource).
     */
    public record Settings(CompressionType compression, int chunkSize, int level, boolean integrity, int bootIndex,
            int extraHeaderFlags, org.fenestra.wim.model.SolidOptions solid) {
        public Settings(CompressionType compression, int chunkSize, int level, boolean integrity, int bootIndex,
                int extraHeaderFlags) {
            this(compression, chunkSize, level, integrity, bootIndex, extraHeaderFlags, null);
        }
    }

    private WimFileWriter() {
    }

    /** Writes {@code images} to a new file at {@code destination}, with a new GUID. */
    public static void write(java.nio.file.Path destination, Settings s, List<Image> images, WimProgress progress)
            throws IOException {
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        write(destination, s, guid, images, progress);
    }

    /** Writes {@code images} to a new file at {@code destination} with {@code guid} (a rebuild keeps the WIM's). */
    public static void write(java.nio.file.Path destination, Settings s, byte[] guid, List<Image> images,
            WimProgress progress) throws IOException {
        OutputFile out = OutputFile.createNew(destination);
        try {
            out.write(header(s, guid, images.size(), true, ResourceHeader.NONE, ResourceHeader.NONE,
                    ResourceHeader.NONE, ResourceHeader.NONE).toBytes());
            writeLayout(out, s, guid, List.copyOf(images), List.of(), progress);
            out.commit();
        } finally {
            out.abandon();
        }
    }

    /**
     * Rewrites the existing WIM {@code wimFile} in place so that it holds {@code slots}: kept
     * images and new ones, in index order. Only blobs not already stored are written.
     */
    public static void append(java.nio.file.Path wimFile, Existing existing, Settings s, List<Slot> slots,
            WimProgress progress) throws IOException {
        OutputFile out = OutputFile.appendTo(wimFile, existing.oldEnd());
        try {
            writeLayout(out, s, existing.guid(), slots, existing.blobs(), progress);
            out.commit();
        } finally {
            out.abandon();
        }
    }

    /** The steps shared by new files and appends, from the first blob to the final header. */
    private static void writeLayout(OutputFile out, Settings s, byte[] guid, List<Slot> slots,
            List<OutputBlob> alreadyStored, WimProgress progress) throws IOException {
        List<OutputBlob> data = newDataBlobs(slots);
        // Blobs of a WIM being read go in its file order (wimlib's "sequential order"): each
        // resource, and each chunk of a solid one, is then read once.
        // (Each blob's position computed once, not at every comparison of the sort.)
        Map<OutputBlob, long[]> positions = new IdentityHashMap<>();
        for (OutputBlob b : data) {
            positions.put(b, b.source().fileOrder());
        }
        data.sort(Comparator.comparing(positions::get, Comparator.nullsFirst(java.util.Arrays::compare)));
        hashWhereSizesCollide(data, alreadyStored, progress);
        progress.beginTask("Writing WIM", bytesToWrite(data, alreadyStored));
        CompressionType dataCompression = s.solid() != null ? s.solid().compression() : s.compression();
        progress.activity(WimActivity.WRITE_DATA, dataCompression == CompressionType.NONE ? null
                : ChunkSizes.displayName(dataCompression) + " " + Runtime.getRuntime().availableProcessors());
        Map<BlobDescriptor.Sha1Key, OutputBlob> stored = new HashMap<>();
        for (OutputBlob b : alreadyStored) {
            stored.put(b.key(), b);
        }
        List<OutputBlob> metadata = new ArrayList<>();
        try (ResourceWriter rw = new ResourceWriter(out, s.compression(), s.chunkSize(), s.level(), progress)) {
            rw.alreadyStored(alreadyStored);
            if (s.solid() != null) {
                new SolidResourceWriter(out, s.solid().compression(), s.solid().chunkSize(), s.solid().level(), progress)
                        .write(SolidSortOrder.sorted(data, newImages(slots)));
            } else {
                rw.writeAll(data);
            }
            rw.flush();
            for (Slot slot : slots) {
                if (slot instanceof KeptImage k) {
                    metadata.add(k.metadata());
                    continue;
                }
                Image img = (Image) slot;
                if (img.storedMetadata() != null && rw.copiesRaw(img.storedMetadata())) {
                    rw.write(img.storedMetadata());
                    metadata.add(img.storedMetadata());
                    continue;
                }
                DentryWriter.assignLinkGroups(img.root());
                byte[] md = DentryWriter.write(SecurityDataWriter.write(img.securityDescriptors()), img.root());
                OutputBlob mb = new OutputBlob(md.length, Sha1.of(md), BlobSource.of(md, "metadata resource"));
                mb.markMetadata();
                rw.write(mb);
                metadata.add(mb);
            }
            rw.flush();
        }

        List<BlobTableWriter.Entry> entries = new ArrayList<>();
        for (OutputBlob m : metadata) {
            entries.add(new BlobTableWriter.Entry(m.reshdr(), 1, 1, m.hash()));
        }
        Map<OutputBlob, Long> refs = referenceCounts(slots, stored);
        entries.addAll(BlobTableWriter.dataEntries(refs, 1));
        byte[] table = BlobTableWriter.write(entries);
        ResourceHeader tableHdr = new ResourceHeader(table.length, ResourceHeader.FLAG_METADATA, out.position(),
                table.length);
        out.write(table);

        List<String> xmlImages = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            xmlImages.add(switch (slots.get(i)) {
                case Image img -> img.xml().render(i + 1, ImageStats.of(img.root()));
                case KeptImage k -> k.xml().render(i + 1, null);
            });
        }
        long xmlOffset = out.position();
        byte[] xml = XmlWriter.document(xmlImages, xmlOffset);
        ResourceHeader xmlHdr = new ResourceHeader(xml.length, ResourceHeader.FLAG_METADATA, xmlOffset, xml.length);
        out.write(xml);

        ResourceHeader integrityHdr = ResourceHeader.NONE;
        if (s.integrity()) {
            byte[] it = IntegrityTableWriter.compute(out.channel(), tableHdr.offsetInWim() + tableHdr.sizeInWim(),
                    progress);
            integrityHdr = new ResourceHeader(it.length, 0, out.position(), it.length);
            out.write(it);
        }
        out.truncateHere();
        WimProgress.checkCanceled(progress);
        // Everything the new header points at must be on disk before the header is.
        out.sync();
        ResourceHeader boot = s.bootIndex() > 0 ? metadata.get(s.bootIndex() - 1).reshdr() : ResourceHeader.NONE;
        byte[] hdr = header(s, guid, slots.size(), false, tableHdr, xmlHdr, boot, integrityHdr).toBytes();
        out.writeAt(0, hdr, 0, hdr.length);
        progress.done();
        LOG.log(Level.DEBUG, "wrote {0} images, {1} blobs, {2} bytes", slots.size(), refs.size(), out.position());
    }

    /** The images of {@code slots} that are written (not kept). */
    private static List<Image> newImages(List<Slot> slots) {
        List<Image> images = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot instanceof Image img) {
                images.add(img);
            }
        }
        return images;
    }

    /** The data blobs of the images to write, each once, in the order they are first met. */
    static List<OutputBlob> newDataBlobs(List<? extends Slot> slots) {
        List<OutputBlob> data = new ArrayList<>();
        Map<OutputBlob, Boolean> queued = new IdentityHashMap<>();
        for (Slot slot : slots) {
            if (slot instanceof Image img) {
                for (TreeDentry d : DentryWriter.preOrder(img.root())) {
                    for (OutputBlob b : d.inode.blobs()) {
                        if (queued.put(b, Boolean.TRUE) == null) {
                            data.add(b);
                        }
                    }
                }
            }
        }
        return data;
    }

    /**
     * As wimlib does before writing: a new blob whose size equals that of another blob (new, or
     * already in the file) is hashed first, so that a duplicate is recognised without being
     * compressed and written (and then discarded). A blob of a size no other blob has cannot
     * be a duplicate and is hashed while it is compressed. Blobs are hashed on the pipeline's
     * workers, several at once (each read once, by one worker).
     */
    /**
     * The data bytes the write stores: duplicates (by SHA-1: every blob that could have one was
     * hashed) and blobs the file already holds are stored once or not at all.
     */
    private static long bytesToWrite(List<OutputBlob> data, List<OutputBlob> alreadyStored) {
        java.util.Set<BlobDescriptor.Sha1Key> seen = new java.util.HashSet<>();
        for (OutputBlob b : alreadyStored) {
            seen.add(b.key());
        }
        long total = 0;
        for (OutputBlob b : data) {
            if (!b.hashKnown() || seen.add(b.key())) {
                total += b.size();
            }
        }
        return total;
    }

    private static void hashWhereSizesCollide(List<OutputBlob> data, List<OutputBlob> alreadyStored,
            WimProgress progress) throws IOException {
        Map<Long, Integer> blobsOfSize = new HashMap<>();
        for (OutputBlob b : alreadyStored) {
            blobsOfSize.merge(b.size(), 2, Integer::sum); // any new blob of this size collides
        }
        for (OutputBlob b : data) {
            blobsOfSize.merge(b.size(), 1, Integer::sum);
        }
        record Hashed(OutputBlob blob, byte[] hash) {
        }
        try (OrderedPipeline<Hashed> hashing = new OrderedPipeline<>(OrderedPipeline.parallelism(HASH_READ_BUFFER),
                h -> h.blob().setHash(h.hash()))) {
            for (OutputBlob b : data) {
                if (!b.hashKnown() && !b.isMetadata() && blobsOfSize.get(b.size()) > 1) {
                    WimProgress.checkCanceled(progress);
                    hashing.submit(() -> {
                        MessageDigest sha = Sha1.newDigest();
                        b.source().read(sha::update);
                        return new Hashed(b, sha.digest());
                    });
                }
            }
            hashing.finish();
        }
    }

    /**
     * Every name of a file counts once per stream it has: wimlib's reference counts. Kept
     * images count by SHA-1 against the blobs already stored.
     */
    static Map<OutputBlob, Long> referenceCounts(List<Slot> slots, Map<BlobDescriptor.Sha1Key, OutputBlob> stored) {
        Map<OutputBlob, Long> refs = new LinkedHashMap<>();
        for (Slot slot : slots) {
            switch (slot) {
                case Image img -> {
                    for (TreeDentry d : DentryWriter.preOrder(img.root())) {
                        for (OutputBlob b : d.inode.blobs()) {
                            refs.merge(b.canonical(), 1L, Long::sum);
                        }
                    }
                }
                case KeptImage k -> {
                    for (Map.Entry<BlobDescriptor.Sha1Key, Long> e : k.references().entrySet()) {
                        OutputBlob b = stored.get(e.getKey());
                        if (b != null) {
                            refs.merge(b, e.getValue(), Long::sum);
                        }
                    }
                }
            }
        }
        return refs;
    }

    static WimHeader header(Settings s, byte[] guid, int imageCount, boolean inProgress, ResourceHeader table,
            ResourceHeader xml, ResourceHeader boot, ResourceHeader integrity) {
        int flags = s.extraHeaderFlags() & (WimHeader.FLAG_RP_FIX | WimHeader.FLAG_READONLY);
        flags |= switch (s.compression()) {
            case NONE -> 0;
            case XPRESS -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_XPRESS;
            case LZX -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_LZX;
            case LZMS -> WimHeader.FLAG_COMPRESSION | WimHeader.FLAG_COMPRESS_LZMS;
        };
        if (inProgress) {
            flags |= WimHeader.FLAG_WRITE_IN_PROGRESS;
        }
        int chunk = s.compression() == CompressionType.NONE ? 0 : s.chunkSize();
        // wimlib writes version 0xE00 for solid resources and for LZMS, which WIMGAPI only knows from ESD files
        int version = s.solid() != null || s.compression() == CompressionType.LZMS ? WimHeader.VERSION_SOLID
                : WimHeader.VERSION_DEFAULT;
        return new WimHeader(false, version, flags, chunk, guid, 1, 1, imageCount, table, xml, boot,
                s.bootIndex(), integrity);
    }
}
