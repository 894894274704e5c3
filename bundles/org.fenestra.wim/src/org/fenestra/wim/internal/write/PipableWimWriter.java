package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * Writes a pipable WIM (wimlib's format for WIMs sent through pipes), front to back, in
 * wimlib's order:
 *
 * <pre>
 * header        magic "WLPWM\0\0\0", no resource headers yet (written first, never rewritten)
 * XML data      without the top-level TOTALBYTES: a reader of the stream learns the images from it
 * metadata resources, image 1 first
 * file data     one resource per distinct blob
 * blob table
 * XML data      with TOTALBYTES
 * integrity table (optional, only when writing a file)
 * header        the complete one, which readers of a file use
 * </pre>
 *
 * Every resource starts with a {@link org.fenestra.wim.internal.format.PipableBlobHeader}
 * carrying the blob's SHA-1, and the metadata (which names every blob by SHA-1) goes before
 * the file data, so every blob is hashed before anything is written (as wimlib does).
 * Solid resources do not exist in pipable WIMs.
 */
public final class PipableWimWriter {
    private static final long HASH_READ_BUFFER = 1 << 20;

    private PipableWimWriter() {
    }

    /** Writes {@code images} to {@code out} with a new GUID and commits it. */
    public static void write(PipableOutput out, WimFileWriter.Settings s, List<WimFileWriter.Image> images,
            WimProgress progress) throws IOException {
        if (s.solid() != null) {
            throw new IllegalArgumentException("Solid compression is unsupported in pipable WIMs");
        }
        if (s.integrity() && !out.seekable()) {
            throw new IllegalArgumentException("Can't include integrity check when writing pipable WIM to pipe!");
        }
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        List<WimFileWriter.Slot> slots = new ArrayList<>(images);

        List<OutputBlob> data = WimFileWriter.newDataBlobs(slots);
        Map<OutputBlob, long[]> positions = new IdentityHashMap<>();
        for (OutputBlob b : data) {
            positions.put(b, b.source().fileOrder());
        }
        data.sort(Comparator.comparing(positions::get, Comparator.nullsFirst(java.util.Arrays::compare)));
        hashAll(data, progress);
        List<OutputBlob> distinct = distinct(data);
        long total = 0;
        for (OutputBlob b : distinct) {
            total += b.size();
        }
        progress.beginTask("Writing WIM", total);
        progress.activity(WimActivity.WRITE_DATA, s.compression() == CompressionType.NONE ? null
                : ChunkSizes.displayName(s.compression()) + " " + Runtime.getRuntime().availableProcessors());

        List<String> xmlImages = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            xmlImages.add(images.get(i).xml().render(i + 1, ImageStats.of(images.get(i).root())));
        }
        out.write(header(s, guid, images.size(), ResourceHeader.NONE, ResourceHeader.NONE, ResourceHeader.NONE,
                ResourceHeader.NONE).toBytes());
        List<OutputBlob> metadata = new ArrayList<>();
        ResourceHeader tableHdr;
        ResourceHeader xmlHdr;
        try (PipableResourceWriter rw = new PipableResourceWriter(out, s.compression(), s.chunkSize(), s.level(),
                progress)) {
            rw.write(metadataBlob(XmlWriter.documentWithoutTotalBytes(xmlImages), "XML data"), false);
            for (WimFileWriter.Image img : images) {
                DentryWriter.assignLinkGroups(img.root());
                OutputBlob mb = metadataBlob(
                        DentryWriter.write(SecurityDataWriter.write(img.securityDescriptors()), img.root()),
                        "metadata resource");
                rw.write(mb, true);
                metadata.add(mb);
            }
            for (OutputBlob b : distinct) {
                rw.write(b, true);
            }
            rw.flush();

            List<BlobTableWriter.Entry> entries = new ArrayList<>();
            for (OutputBlob m : metadata) {
                entries.add(new BlobTableWriter.Entry(m.reshdr(), 1, 1, m.hash()));
            }
            entries.addAll(BlobTableWriter.dataEntries(WimFileWriter.referenceCounts(slots, Map.of()), 1));
            OutputBlob table = metadataBlob(BlobTableWriter.write(entries), "blob table");
            rw.write(table, false);
            rw.flush();
            tableHdr = table.reshdr();
            OutputBlob xml = metadataBlob(XmlWriter.document(xmlImages, out.position()), "XML data");
            rw.write(xml, false);
            rw.flush();
            xmlHdr = xml.reshdr();
        }
        ResourceHeader integrityHdr = ResourceHeader.NONE;
        if (s.integrity()) {
            byte[] it = out.integrityTable(tableHdr.offsetInWim() + tableHdr.sizeInWim(), progress);
            integrityHdr = new ResourceHeader(it.length, 0, out.position(), it.length);
            out.write(it);
        }
        WimProgress.checkCanceled(progress);
        ResourceHeader boot = s.bootIndex() > 0 ? metadata.get(s.bootIndex() - 1).reshdr() : ResourceHeader.NONE;
        out.write(header(s, guid, images.size(), tableHdr, xmlHdr, boot, integrityHdr).toBytes());
        out.commit();
        progress.done();
    }

    private static OutputBlob metadataBlob(byte[] bytes, String what) {
        return OutputBlob.metadata(bytes.length, Sha1.of(bytes), BlobSource.of(bytes, what));
    }

    /** The header of a pipable WIM; the first copy has no resource headers and is never rewritten. */
    private static WimHeader header(WimFileWriter.Settings s, byte[] guid, int imageCount, ResourceHeader table,
            ResourceHeader xml, ResourceHeader boot, ResourceHeader integrity) {
        WimHeader h = WimFileWriter.header(s, guid, imageCount, false, table, xml, boot, integrity);
        return new WimHeader(true, h.version(), h.flags(), h.chunkSize(), h.guid(), h.partNumber(), h.totalParts(),
                h.imageCount(), h.blobTable(), h.xmlData(), h.bootMetadata(), h.bootIndex(), h.integrityTable());
    }

    /** Hashes every blob whose SHA-1 is not known yet, several at once (each read by one worker). */
    private static void hashAll(List<OutputBlob> data, WimProgress progress) throws IOException {
        record Hashed(OutputBlob blob, byte[] hash) {
        }
        try (OrderedPipeline<Hashed> hashing = new OrderedPipeline<>(OrderedPipeline.parallelism(HASH_READ_BUFFER),
                h -> h.blob().setHash(h.hash()))) {
            for (OutputBlob b : data) {
                if (b.hashKnown()) {
                    continue;
                }
                WimProgress.checkCanceled(progress);
                hashing.submit(() -> {
                    MessageDigest sha = Sha1.newDigest();
                    b.source().read(sha::update);
                    return new Hashed(b, sha.digest());
                });
            }
            hashing.finish();
        }
    }

    /** The blobs to store: one per SHA-1, the others marked as its duplicates. */
    private static List<OutputBlob> distinct(List<OutputBlob> data) {
        Map<BlobDescriptor.Sha1Key, OutputBlob> kept = new HashMap<>();
        List<OutputBlob> distinct = new ArrayList<>();
        for (OutputBlob b : data) {
            OutputBlob first = kept.putIfAbsent(b.key(), b);
            if (first == null) {
                distinct.add(b);
            } else if (first != b) {
                b.markDuplicateOf(first);
            }
        }
        return distinct;
    }

}
