package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Resource;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.read.BlobStreamer;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimProgressAdapters;

/**
 * Writes WIM files whose resources are copied byte for byte from other WIM files: the parts of
 * a split set ({@code split}) and a standalone WIM made of such parts ({@code join}). Layout as
 * {@link WimFileWriter}'s: header, file data resources, metadata resources, blob table (metadata
 * entries first), XML data, optional integrity table.
 *
 * <p>All files of one {@link #writeAll} call are written to temporary files first; they are
 * renamed into place only once every one is complete and synced, so a failure or cancellation
 * leaves none of them (a failing rename removes those already renamed).
 */
public final class RawPartWriter {

    /**
     * One file to write.
     *
     * @param destination where it goes
     * @param header      the header to write; its resource headers are filled in here
     * @param metadata    metadata resources, image 1 first (empty for parts after the first)
     * @param blobs       file data blobs, in file order
     * @param xml         the XML document, or null to render {@code xmlRenderer} with the final TOTALBYTES
     * @param xmlRenderer renders the XML for a TOTALBYTES value when {@code xml} is null
     * @param integrity   add an integrity table
     */
    public record Part(Path destination, WimHeader header, List<BlobDescriptor> metadata, List<BlobDescriptor> blobs,
            byte[] xml, java.util.function.LongFunction<byte[]> xmlRenderer, boolean integrity) {
    }

    private RawPartWriter() {
    }

    /** Bytes the resources of {@code b} occupy, as counted for progress and part sizes. */
    public static long storedSize(BlobDescriptor b) {
        return b.resource().sizeInWim();
    }

    /** Writes every part; all or none of them end up at their destinations. */
    public static void writeAll(List<Part> parts, WimProgress progress) throws IOException {
        long total = 0;
        for (Part p : parts) {
            for (BlobDescriptor b : p.metadata()) {
                total += storedSize(b);
            }
            for (BlobDescriptor b : p.blobs()) {
                total += storedSize(b);
            }
        }
        verifyData(parts, progress);
        progress.beginTask("Writing WIM parts", total);
        List<OutputFile> outs = new ArrayList<>();
        List<Path> committed = new ArrayList<>();
        boolean ok = false;
        try {
            for (Part p : parts) {
                OutputFile out = OutputFile.createNew(p.destination());
                outs.add(out);
                write(out, p, progress);
            }
            for (int i = 0; i < parts.size(); i++) {
                outs.get(i).commit();
                committed.add(parts.get(i).destination());
            }
            ok = true;
        } finally {
            for (OutputFile o : outs) {
                o.abandon();
            }
            if (!ok) {
                for (Path c : committed) {
                    java.nio.file.Files.deleteIfExists(c);
                }
            }
        }
        progress.done();
    }

    /** Resources are copied as they are stored, so their data is checked first (read and hashed). */
    private static void verifyData(List<Part> parts, WimProgress progress) throws IOException {
        List<BlobDescriptor> all = new ArrayList<>();
        for (Part p : parts) {
            all.addAll(p.metadata());
            all.addAll(p.blobs());
        }
        progress.subTask("Verifying file data");
        BlobStreamer.verify(all, WimProgressAdapters.noWork(progress));
    }

    private static void write(OutputFile out, Part p, WimProgress progress) throws IOException {
        WimHeader h = p.header();
        out.write(withResources(h, h.flags() | WimHeader.FLAG_WRITE_IN_PROGRESS, ResourceHeader.NONE,
                ResourceHeader.NONE, ResourceHeader.NONE, ResourceHeader.NONE).toBytes());
        int part = h.partNumber();
        List<BlobTableWriter.Entry> data = new ArrayList<>();
        for (BlobDescriptor b : p.blobs()) {
            data.add(new BlobTableWriter.Entry(copy(out, b, progress), part, b.refCount(), b.hash()));
        }
        List<BlobTableWriter.Entry> entries = new ArrayList<>();
        for (BlobDescriptor b : p.metadata()) {
            entries.add(new BlobTableWriter.Entry(copy(out, b, progress), part, 1, b.hash()));
        }
        data.sort(Comparator.comparingLong(e -> e.reshdr().offsetInWim()));
        entries.addAll(data);
        byte[] table = BlobTableWriter.write(entries);
        ResourceHeader tableHdr = new ResourceHeader(table.length, ResourceHeader.FLAG_METADATA, out.position(),
                table.length);
        out.write(table);
        long xmlOffset = out.position();
        byte[] xml = p.xml() != null ? p.xml() : p.xmlRenderer().apply(xmlOffset);
        ResourceHeader xmlHdr = new ResourceHeader(xml.length, ResourceHeader.FLAG_METADATA, xmlOffset, xml.length);
        out.write(xml);
        ResourceHeader integrityHdr = ResourceHeader.NONE;
        if (p.integrity()) {
            byte[] it = IntegrityTableWriter.compute(out.channel(), tableHdr.offsetInWim() + tableHdr.sizeInWim(),
                    WimProgress.NONE);
            integrityHdr = new ResourceHeader(it.length, 0, out.position(), it.length);
            out.write(it);
        }
        out.truncateHere();
        ResourceHeader boot = ResourceHeader.NONE;
        if (h.bootIndex() > 0 && h.bootIndex() <= p.metadata().size()) {
            boot = entries.get((int) h.bootIndex() - 1).reshdr();
        }
        byte[] hdr = withResources(h, h.flags() & ~WimHeader.FLAG_WRITE_IN_PROGRESS, tableHdr, xmlHdr, boot,
                integrityHdr).toBytes();
        out.writeAt(0, hdr, 0, hdr.length);
    }

    /** Copies the resource holding {@code b} and returns its header at the new place. */
    private static ResourceHeader copy(OutputFile out, BlobDescriptor b, WimProgress progress) throws IOException {
        WimProgress.checkCanceled(progress);
        Resource r = b.resource();
        if (r.solid()) {
            throw new UnsupportedWimException(r.source().name() + ": a blob in a solid resource cannot be copied into"
                    + " a split WIM part; export the WIM in non-solid format first");
        }
        if (b.offsetInResource() != 0 || r.uncompressedSize() != b.size()) {
            throw new UnsupportedWimException(r.describe() + " holds more than one blob");
        }
        long at = out.position();
        out.copyFrom(r);
        progress.worked(r.sizeInWim());
        ResourceHeader src = r.header();
        return new ResourceHeader(r.sizeInWim(), src.flags() & ~ResourceHeader.FLAG_SPANNED, at, src.uncompressedSize());
    }

    private static WimHeader withResources(WimHeader h, int flags, ResourceHeader table, ResourceHeader xml,
            ResourceHeader boot, ResourceHeader integrity) {
        return new WimHeader(false, h.version(), flags, h.chunkSize(), h.guid(), h.partNumber(), h.totalParts(),
                h.imageCount(), table, xml, boot, h.bootIndex(), integrity);
    }
}
