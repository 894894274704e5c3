package org.fenestra.wim.internal.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.wim.errors.InvalidBlobTableException;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.format.XmlDocument;
import org.fenestra.wim.model.WimProgress;
import org.w3c.dom.Element;

/**
 * A WIM as the engine's implementation sees it: the main part, the reference parts, every blob
 * they hold by SHA-1, and, for a WIM read from a pipe, the pipe. The API's {@code WimFile} is a
 * façade over one; writers, verifiers and in-place changes work on this directly.
 */
public final class OpenedWim implements Closeable {
    private static final Logger LOG = System.getLogger(OpenedWim.class.getName());

    private final WimPart main;
    private final List<WimPart> parts; // main first, then references
    private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new LinkedHashMap<>();
    private final Map<BlobDescriptor, WimPart> blobPart = new IdentityHashMap<>();
    /** Where a WIM read from a pipe brings its metadata and blobs; null for a file. */
    private final PipableStreamReader pipe;
    /**
     * The image read last: callers often read the same image twice in a row (estimate, then
     * export; list, then extract), and its metadata can be tens of MB read over a network.
     */
    private int lastIndex;
    private ImageMetadata lastMetadata;

    private OpenedWim(WimPart main, PipableStreamReader pipe) {
        this.main = main;
        this.pipe = pipe;
        this.parts = new ArrayList<>(List.of(main));
        addBlobs(main);
    }

    /** Opens a standalone WIM, or one part of a split set. */
    public static OpenedWim open(Path path) throws IOException {
        return new OpenedWim(WimPart.open(path), null);
    }

    /** Starts reading a pipable WIM from {@code in}: its header and XML now, the rest as asked for. */
    public static OpenedWim readFromPipe(InputStream in, String name) throws IOException {
        PipableStreamReader r = PipableStreamReader.open(in, name);
        return new OpenedWim(WimPart.fromPipe(r.header(), r.xml()), r);
    }

    /** Adds the blobs of another WIM; a part already opened (same GUID and part number) is skipped. */
    public void addReference(Path ref) throws IOException {
        if (pipe != null) {
            throw new UnsupportedWimException(fileName() + ": a WIM read from a pipe takes no references");
        }
        for (WimPart p : parts) {
            if (Files.isSameFile(p.source().path(), ref)) {
                return;
            }
        }
        WimPart part = WimPart.open(ref);
        for (WimPart p : parts) {
            if (Arrays.equals(p.header().guid(), part.header().guid())
                    && p.header().partNumber() == part.header().partNumber()) {
                LOG.log(Level.DEBUG, "{0}: part {1} already open", ref, part.header().partNumber());
                part.close();
                return;
            }
        }
        parts.add(part);
        addBlobs(part);
    }

    private void addBlobs(WimPart part) {
        for (BlobDescriptor b : part.blobTable().blobs().values()) {
            if (blobs.putIfAbsent(b.key(), b) == null) {
                blobPart.put(b, part);
            }
        }
    }

    public String fileName() {
        return pipe != null ? pipe.name() : main.source().name();
    }

    /** The file, or null for a WIM read from a pipe. */
    public Path path() {
        return pipe != null ? null : main.source().path();
    }

    public boolean fromPipe() {
        return pipe != null;
    }

    /** The main part's header, every raw field. */
    public WimHeader header() {
        return main.header();
    }

    /** The part opened first; for a split set, the one whose blob table {@code info --blobs} shows. */
    public WimPart main() {
        return main;
    }

    public List<WimPart> parts() {
        return Collections.unmodifiableList(parts);
    }

    public boolean isSplit() {
        return main.header().totalParts() > 1;
    }

    public int imageCount() {
        return main.imageCount();
    }

    /** Bootable image index, 0 for none (an out-of-range index reads as 0, as wimlib). */
    public int bootIndex() {
        long b = main.header().bootIndex();
        return b > main.header().imageCount() ? 0 : (int) b;
    }

    public XmlDocument xml() {
        return main.xml();
    }

    /** The IMAGE element of image {@code index}; throws for an index the WIM does not have. */
    public Element imageXml(int index) throws InvalidImageException {
        checkImage(index);
        return main.xml().image(index);
    }

    /** The NAME of image {@code index}, or null. */
    public String imageName(int index) throws InvalidImageException {
        return XmlDocument.text(imageXml(index), "NAME");
    }

    /** Throws a typed error for an image index the WIM does not have. */
    public void checkImage(int index) throws InvalidImageException {
        if (index < 1 || index > imageCount()) {
            throw new InvalidImageException(fileName() + ": there is no image " + index + " (the WIM has "
                    + imageCount() + ")");
        }
    }

    /** Reads and parses image {@code index}'s metadata (the last one read is kept). */
    public synchronized ImageMetadata readMetadata(int index) throws IOException {
        if (lastMetadata != null && lastIndex == index) {
            return lastMetadata;
        }
        checkImage(index);
        ImageMetadata metadata = pipe != null ? pipe.openImage(index) : readStoredMetadata(index);
        lastIndex = index;
        lastMetadata = metadata;
        return metadata;
    }

    private ImageMetadata readStoredMetadata(int index) throws IOException {
        List<BlobDescriptor> metadata = main.blobTable().metadata();
        if (index > metadata.size()) {
            // Split sets keep all image metadata in part 1; any other part only has file data.
            String where = fileName() + ": blob table: no metadata resource for image " + index + " ("
                    + metadata.size() + " present)";
            if (main.header().partNumber() != 1) {
                throw new MissingSplitPartException(where + "; this is part " + main.header().partNumber()
                        + " of a split set, open part 1 with the others as references");
            }
            throw new InvalidBlobTableException(where);
        }
        return ImageMetadata.read(metadata.get(index - 1), "metadata resource of image " + index);
    }

    /** The blob with this SHA-1 in any opened part, or null. */
    public BlobDescriptor blob(byte[] hash) {
        if (pipe != null) {
            return pipe.blob(hash);
        }
        return blobs.get(new BlobDescriptor.Sha1Key(hash));
    }

    /** The number of the part that holds {@code b}. */
    public int partNumberOf(BlobDescriptor b) {
        WimPart p = blobPart.get(b);
        return p == null ? b.partNumber() : p.header().partNumber();
    }

    /** The metadata resources listed in the main part's blob table, image 1 first. */
    public List<BlobDescriptor> mainBlobTableMetadata() {
        return main.blobTable().metadata();
    }

    /** All blobs of all opened parts, in table order. */
    public List<BlobDescriptor> allBlobs() {
        return new ArrayList<>(blobs.values());
    }

    /** Whether some blob lies in a solid resource (which is never copied as it is). */
    public boolean hasSolidResources() {
        for (BlobDescriptor b : blobs.values()) {
            if (b.resource().solid()) {
                return true;
            }
        }
        return false;
    }

    /** Streams the given blobs, each resource read once, each blob's SHA-1 checked. */
    public void streamBlobs(List<BlobDescriptor> list, BlobStreamer.BlobSink sink, WimProgress progress)
            throws IOException {
        if (pipe != null) {
            pipe.stream(list, sink, progress);
            return;
        }
        BlobStreamer.stream(list, sink, progress);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (WimPart p : parts) {
            try {
                p.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
