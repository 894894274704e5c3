package org.fenestra.wim.write;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.WimProgress;
import org.fenestra.wim.format.ResourceHeader;
import org.fenestra.wim.format.Sha1;
import org.fenestra.wim.format.WimHeader;

/**
 * Writes a complete standalone WIM, in wimlib's layout:
 *
 * <pre>
 * header (208 bytes; first written with WRITE_IN_PROGRESS, rewritten last)
 * file data resources (one per distinct blob)
 * metadata resources, image 1 first
 * blob table (metadata entries in image order, then the other blobs by offset)
 * XML data (uncompressed)
 * integrity table (optional)
 * </pre>
 *
 * The output goes to a temporary file renamed over the destination only once complete and
 * synced; on any failure or cancellation it is deleted and the destination is untouched.
 */
public final class WimFileWriter {
    private static final Logger LOG = System.getLogger(WimFileWriter.class.getName());

    /** Renders an image's XML element once its statistics are known. */
    public interface ImageXml {
        String render(int index, ImageStats stats);
    }

    /** One image to write: its tree, its security descriptors and its XML. */
    public record Image(TreeDentry root, List<byte[]> securityDescriptors, ImageXml xml) {
    }

    /**
     * Output settings: compression, chunk size, level, integrity table, boot image, RP_FIX/READONLY
     * flags, and the solid resource's compression (null: each blob in its own resource).
     */
    public record Settings(CompressionType compression, int chunkSize, int level, boolean integrity, int bootIndex,
            int extraHeaderFlags, org.fenestra.wim.SolidOptions solid) {
        public Settings(CompressionType compression, int chunkSize, int level, boolean integrity, int bootIndex,
                int extraHeaderFlags) {
            this(compression, chunkSize, level, integrity, bootIndex, extraHeaderFlags, null);
        }
    }

    private WimFileWriter() {
    }

    /** Writes {@code images} to a new file at {@code destination}. */
    public static void write(java.nio.file.Path destination, Settings s, List<Image> images, WimProgress progress)
            throws IOException {
        OutputFile out = OutputFile.createNew(destination);
        try {
            writeTo(out, s, images, progress);
            out.commit();
        } finally {
            out.abandon();
        }
    }

    private static void writeTo(OutputFile out, Settings s, List<Image> images, WimProgress progress)
            throws IOException {
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        out.write(header(s, guid, images.size(), true, ResourceHeader.NONE, ResourceHeader.NONE, ResourceHeader.NONE,
                ResourceHeader.NONE).toBytes());

        long total = 0;
        List<OutputBlob> data = new ArrayList<>();
        Map<OutputBlob, Boolean> queued = new IdentityHashMap<>();
        for (Image img : images) {
            for (TreeDentry d : DentryWriter.preOrder(img.root())) {
                for (OutputBlob b : d.inode.blobs()) {
                    if (queued.put(b, Boolean.TRUE) == null) {
                        data.add(b);
                        total += b.size();
                    }
                }
            }
        }
        // Blobs of a WIM being read go in its file order (wimlib's "sequential order"): each
        // resource, and each chunk of a solid one, is then read once.
        data.sort(Comparator.comparing((OutputBlob b) -> b.source().fileOrder(),
                Comparator.nullsFirst(java.util.Arrays::compare)));
        progress.beginTask("Writing WIM", total);
        List<OutputBlob> metadata = new ArrayList<>();
        try (ResourceWriter rw = new ResourceWriter(out, s.compression(), s.chunkSize(), s.level(), progress)) {
            if (s.solid() != null) {
                new SolidResourceWriter(out, s.solid().compression(), s.solid().chunkSize(), s.solid().level(), progress)
                        .write(SolidSortOrder.sorted(data, images));
            } else {
                for (OutputBlob b : data) {
                    rw.write(b);
                }
            }
            rw.flush();
            for (Image img : images) {
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
        Map<OutputBlob, Long> refs = referenceCounts(images);
        entries.addAll(BlobTableWriter.dataEntries(refs, 1));
        byte[] table = BlobTableWriter.write(entries);
        ResourceHeader tableHdr = new ResourceHeader(table.length, ResourceHeader.FLAG_METADATA, out.position(),
                table.length);
        out.write(table);

        List<String> xmlImages = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image img = images.get(i);
            xmlImages.add(img.xml().render(i + 1, ImageStats.of(img.root())));
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
        ResourceHeader boot = s.bootIndex() > 0 ? metadata.get(s.bootIndex() - 1).reshdr() : ResourceHeader.NONE;
        byte[] hdr = header(s, guid, images.size(), false, tableHdr, xmlHdr, boot, integrityHdr).toBytes();
        out.writeAt(0, hdr, 0, hdr.length);
        progress.done();
        LOG.log(Level.DEBUG, "wrote {0} images, {1} blobs, {2} bytes", images.size(), refs.size(), out.position());
    }

    /** Every name of a file counts once per stream it has: wimlib's reference counts. */
    static Map<OutputBlob, Long> referenceCounts(List<Image> images) {
        Map<OutputBlob, Long> refs = new LinkedHashMap<>();
        for (Image img : images) {
            for (TreeDentry d : DentryWriter.preOrder(img.root())) {
                for (OutputBlob b : d.inode.blobs()) {
                    refs.merge(b.canonical(), 1L, Long::sum);
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
