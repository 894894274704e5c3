package org.fenestra.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.errors.InvalidSplitSetException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.write.RawPartWriter;
import org.fenestra.wim.internal.write.XmlWriter;
import org.fenestra.wim.model.WimProgress;

/**
 * Joins the parts of a split set into one standalone WIM ({@code wimlib-imagex join}): every
 * resource is copied as it is, the GUID and boot index of part 1 are kept, the XML document is
 * part 1's with TOTALBYTES set for the new file. As wimlib, an integrity table is written when
 * asked for or when part 1 has one.
 *
 * @since 0.1
 */
public final class WimJoiner {
    private WimJoiner() {
    }

    /**
     * Joins {@code parts} (any order) into {@code destination}, written under a temporary name
     * and renamed into place once complete.
     *
     * @throws InvalidSplitSetException if the parts are not exactly one complete split set
     */
    public static void join(List<Path> parts, Path destination, boolean integrity, WimProgress progress)
            throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no split WIM parts given");
        }
        List<WimPart> opened = new ArrayList<>();
        try {
            for (Path p : parts) {
                if (java.nio.file.Files.exists(destination) && java.nio.file.Files.isSameFile(p, destination)) {
                    throw new IOException("\"" + destination + "\" is one of the parts to join");
                }
                opened.add(WimPart.open(p));
            }
            opened.sort(Comparator.comparingInt(p -> p.header().partNumber()));
            checkSet(opened);
            WimPart first = opened.get(0);
            WimHeader h = first.header();
            Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new LinkedHashMap<>();
            for (WimPart p : opened) {
                List<BlobDescriptor> inPart = new ArrayList<>(p.blobTable().blobs().values());
                inPart.sort(Comparator.comparingLong(b -> b.resource().offset()));
                for (BlobDescriptor b : inPart) {
                    blobs.putIfAbsent(b.key(), b);
                }
            }
            List<String> images = new ArrayList<>();
            for (int i = 1; i <= first.xml().imageCount(); i++) {
                images.add(XmlWriter.copiedImage(first.xml().image(i), i, null, null));
            }
            int flags = h.flags() & ~(WimHeader.FLAG_SPANNED | WimHeader.FLAG_WRITE_IN_PROGRESS
                    | WimHeader.FLAG_RESOURCE_ONLY | WimHeader.FLAG_METADATA_ONLY);
            WimHeader out = new WimHeader(false, h.version(), flags, h.chunkSize(), h.guid(), 1, 1, h.imageCount(), null,
                    null, null, h.bootIndex() > h.imageCount() ? 0 : h.bootIndex(), null);
            RawPartWriter.writeAll(List.of(new RawPartWriter.Part(destination, out, first.blobTable().metadata(),
                    new ArrayList<>(blobs.values()), null, total -> XmlWriter.document(images, total),
                    integrity || h.hasIntegrityTable())),
                    progress);
        } finally {
            for (WimPart p : opened) {
                p.close();
            }
        }
    }

    /** Same GUID, as many parts as each header counts, numbered 1..n once each (wimlib's checks). */
    private static void checkSet(List<WimPart> parts) throws InvalidSplitSetException {
        byte[] guid = parts.get(0).header().guid();
        for (int i = 0; i < parts.size(); i++) {
            WimHeader h = parts.get(i).header();
            String name = "\"" + parts.get(i).source().name() + "\"";
            if (!Arrays.equals(guid, h.guid())) {
                throw new InvalidSplitSetException("The split WIM parts specified belong to different split WIMs ("
                        + name + ")");
            }
            if (h.totalParts() != parts.size()) {
                throw new InvalidSplitSetException(name + " says there are " + h.totalParts()
                        + " parts in the split WIM, but " + parts.size() + " were given");
            }
            if (h.partNumber() != i + 1) {
                throw new InvalidSplitSetException("The parts of the split WIM are not numbered 1.." + parts.size()
                        + " as expected. Did you specify duplicate parts?");
            }
        }
    }
}
