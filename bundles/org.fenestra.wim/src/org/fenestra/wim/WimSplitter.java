package org.fenestra.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.write.RawPartWriter;
import org.fenestra.wim.model.WimProgress;

/**
 * Splits a standalone WIM into a split set ({@code wimlib-imagex split}): parts {@code NAME.swm},
 * {@code NAME2.swm}, ... with one new GUID shared by
 * all parts, part numbers 1..n, the SPANNED flag, and the whole XML document in every part.
 * Part 1 holds every image's metadata resource; the file data follows in the source's order,
 * a new part being started before a resource that would bring the current part to the limit
 * (a single resource larger than the limit gets a part of its own, as wimlib does). Each part's
 * blob table lists only its own resources. Resources are copied without recompression. As
 * wimlib, the parts get integrity tables when asked for or when the source has one.
 *
 * @since 0.1
 */
public final class WimSplitter {
    private WimSplitter() {
    }

    /**
     * Writes the parts; all of them or none. {@code partSize} counts the resources a part holds
     * (headers, blob tables and XML come on top, as with wimlib).
     *
     * @throws UnsupportedWimException if the source has solid resources or is itself split
     */
    public static List<Path> split(WimFile source, Path firstPart, long partSize, boolean integrity,
            WimProgress progress) throws IOException {
        if (partSize <= 0) {
            throw new IllegalArgumentException("part size must be positive, not " + partSize);
        }
        WimPart main = source.opened().main();
        WimHeader h = main.header();
        if (h.totalParts() != 1) {
            throw new UnsupportedWimException(source.fileName() + " is already part " + h.partNumber() + " of a split set");
        }
        if (h.pipable()) {
            throw new UnsupportedWimException(source.fileName() + ": splitting a pipable WIM is not supported");
        }
        List<BlobDescriptor> metadata = main.blobTable().metadata();
        List<BlobDescriptor> data = new ArrayList<>(main.blobTable().blobs().values());
        for (BlobDescriptor b : data) {
            if (b.resource().solid()) {
                throw new UnsupportedWimException(source.fileName() + ": splitting a WIM with solid resources is not"
                        + " supported; export it in non-solid format first");
            }
        }
        data.sort(Comparator.comparingLong(b -> b.resource().offset()));

        List<List<BlobDescriptor>> partBlobs = new ArrayList<>();
        partBlobs.add(new ArrayList<>());
        long current = 0;
        for (BlobDescriptor m : metadata) {
            current += RawPartWriter.storedSize(m);
        }
        for (BlobDescriptor b : data) {
            long size = RawPartWriter.storedSize(b);
            if (current + size >= partSize && current != 0) {
                partBlobs.add(new ArrayList<>());
                current = 0;
            }
            partBlobs.get(partBlobs.size() - 1).add(b);
            current += size;
        }

        byte[] guid = new byte[16];
        new java.security.SecureRandom().nextBytes(guid);
        int n = partBlobs.size();
        int flags = (h.flags() & ~(WimHeader.FLAG_WRITE_IN_PROGRESS | WimHeader.FLAG_RESOURCE_ONLY
                | WimHeader.FLAG_METADATA_ONLY)) | (n > 1 ? WimHeader.FLAG_SPANNED : 0);
        List<RawPartWriter.Part> parts = new ArrayList<>();
        List<Path> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Path dest = partName(firstPart, i);
            names.add(dest);
            // wimlib marks no image bootable in the parts of a split set
            WimHeader ph = new WimHeader(false, h.version(), flags, h.chunkSize(), guid, i, n, h.imageCount(), null,
                    null, null, 0, null);
            parts.add(new RawPartWriter.Part(dest, ph, i == 1 ? metadata : List.of(), partBlobs.get(i - 1),
                    source.xmlBytes(), null, integrity || h.hasIntegrityTable()));
        }
        RawPartWriter.writeAll(parts, progress);
        return names;
    }

    /** {@code NAME.swm}, then {@code NAME2.swm}, ... (the number goes before the last extension). */
    public static Path partName(Path first, int partNumber) {
        if (partNumber == 1) {
            return first;
        }
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot < 0 ? name + partNumber : name.substring(0, dot) + partNumber + name.substring(dot);
        return first.resolveSibling(numbered);
    }
}
