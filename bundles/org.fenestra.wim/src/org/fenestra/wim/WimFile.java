package org.fenestra.wim;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.errors.InvalidBlobTableException;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.errors.MissingSplitPartException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.BlobTable;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.read.BlobStreamer;
import org.fenestra.wim.internal.read.PipableStreamReader;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;

/**
 * An opened WIM file, optionally with reference WIMs (the other parts of a split set, or any
 * WIM holding blobs this one refers to). Read-only; safe to read from several threads once
 * opened.
 *
 * @since 0.1
 */
public final class WimFile implements Closeable {
    private static final Logger LOG = System.getLogger(WimFile.class.getName());

    private final WimPart main;
    private final List<WimPart> parts; // main first, then references
    private final Map<BlobDescriptor.Sha1Key, BlobDescriptor> blobs = new LinkedHashMap<>();
    private final Map<BlobDescriptor, WimPart> blobPart = new java.util.IdentityHashMap<>();
    private final List<WimImageInfo> images;
    /**
     * The image opened last: callers often open the same image twice in a row (estimate, then
     * export; list, then extract), and its metadata can be tens of MB read over a network.
     */
    private WimImage lastOpened;
    /** Where a WIM read from a pipe brings its metadata and blobs; null for a file. */
    private final PipableStreamReader pipe;

    private WimFile(WimPart main) {
        this(main, null);
    }

    private WimFile(WimPart main, PipableStreamReader pipe) {
        this.main = main;
        this.pipe = pipe;
        this.parts = new ArrayList<>(List.of(main));
        addBlobs(main);
        List<WimImageInfo> list = new ArrayList<>();
        for (int i = 1; i <= main.imageCount(); i++) {
            list.add(new WimImageInfo(i, main.xml().image(i)));
        }
        this.images = Collections.unmodifiableList(list);
    }

    /** Opens a standalone WIM, or the first part of a split set (blobs in other parts are then missing). */
    public static WimFile open(Path path) throws IOException {
        return new WimFile(WimPart.open(path));
    }

    /**
     * Starts reading a pipable WIM from {@code in}, which is read front to back only (like
     * {@code wimlib-imagex apply -}): its header and XML data now, one image's metadata when
     * {@link #openImage} is called, and that image's file data as it is extracted. Only one
     * image can be opened; {@link #verify}, references and raw copies are not available.
     * {@code in} is not closed by {@link #close}. Errors: {@code NotPipableException} for a
     * WIM that is not pipable, {@code TruncatedWimException} when the stream ends early.
     *
     * @since 0.2
     */
    public static WimFile readFromPipe(InputStream in, String name) throws IOException {
        PipableStreamReader r = PipableStreamReader.open(in, name);
        return new WimFile(WimPart.fromPipe(r.header(), r.xml()), r);
    }

    /** Opens a WIM with reference WIMs (e.g. all parts of a split set; the main part may be repeated). */
    public static WimFile open(Path path, List<Path> references) throws IOException {
        WimFile wim = open(path);
        try {
            for (Path ref : references) {
                wim.addReference(ref);
            }
        } catch (IOException | RuntimeException e) {
            wim.close();
            throw e;
        }
        return wim;
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

    public WimHeaderInfo header() {
        WimHeader h = main.header();
        return new WimHeaderInfo(h.pipable(), h.version(), h.flags(), h.compressionType(), h.chunkSize(), h.guid().clone(),
                h.partNumber(), h.totalParts(), main.imageCount(), bootIndex(), h.hasIntegrityTable(),
                h.has(WimHeader.FLAG_RP_FIX), h.has(WimHeader.FLAG_READONLY), h.has(WimHeader.FLAG_SPANNED));
    }

    /** The header record with every raw field. */
    WimHeader rawHeader() {
        return main.header();
    }

    public int imageCount() {
        return images.size();
    }

    public List<WimImageInfo> images() {
        return images;
    }

    /** Image {@code index} (1-based). */
    public WimImageInfo image(int index) throws InvalidImageException {
        if (index < 1 || index > images.size()) {
            throw new InvalidImageException(fileName() + ": there is no image " + index + " (the WIM has "
                    + images.size() + ")");
        }
        return images.get(index - 1);
    }

    /** Bootable image index, 0 for none (an out-of-range index reads as 0, as wimlib). */
    public int bootIndex() {
        long b = main.header().bootIndex();
        return b > main.header().imageCount() ? 0 : (int) b;
    }

    /** XML TOTALBYTES, which wimlib-imagex prints as the WIM's size. */
    public long totalBytes() {
        return main.xml().totalBytes();
    }

    /** The XML document as stored: UTF-16LE with byte order mark. */
    public byte[] xmlBytes() {
        return main.xml().raw();
    }

    /**
     * Resolves an image given as a 1-based index or a name (as {@code wimlib-imagex} does).
     *
     * @return the index, or 0 for "all" / "*"
     */
    public int resolveImage(String spec) throws InvalidImageException {
        if (spec.equals("all") || spec.equals("*")) {
            return 0;
        }
        if (!spec.isEmpty() && spec.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(spec);
                if (n >= 1 && n <= images.size()) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // too large: no such image
            }
            throw new InvalidImageException("\"" + spec + "\" is not a valid image in \"" + fileName() + "\"");
        }
        for (WimImageInfo i : images) {
            if (spec.equals(i.name())) {
                return i.index();
            }
        }
        throw new InvalidImageException("\"" + spec + "\" is not a valid image in \"" + fileName() + "\"");
    }

    /** Reads and parses image {@code index}'s metadata. */
    public synchronized WimImage openImage(int index) throws IOException {
        WimImage last = lastOpened;
        if (last != null && last.info().index() == index) {
            return last;
        }
        WimImageInfo info = image(index);
        if (pipe != null) {
            lastOpened = new WimImage(this, info, pipe.openImage(index));
            return lastOpened;
        }
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
        BlobDescriptor md = metadata.get(index - 1);
        lastOpened = new WimImage(this, info, ImageMetadata.read(md, "metadata resource of image " + index));
        return lastOpened;
    }

    /** The blob with this SHA-1 in any opened part, or null. */
    BlobDescriptor blob(byte[] hash) {
        if (pipe != null) {
            return pipe.blob(hash);
        }
        return blobs.get(new BlobDescriptor.Sha1Key(hash));
    }

    int partNumberOf(BlobDescriptor b) {
        WimPart p = blobPart.get(b);
        return p == null ? b.partNumber() : p.header().partNumber();
    }

    boolean isSplit() {
        return main.header().totalParts() > 1;
    }

    List<WimPart> parts() {
        return Collections.unmodifiableList(parts);
    }

    /** The blob table of this file (for a split set, of the part opened first). */
    public WimBlobTable blobTable() {
        List<WimBlobInfo> metadata = new ArrayList<>();
        for (BlobDescriptor b : main.blobTable().metadata()) {
            metadata.add(WimBlobInfo.of(b, main.header().partNumber()));
        }
        List<WimBlobInfo> data = new ArrayList<>();
        for (BlobDescriptor b : main.blobTable().blobs().values()) {
            data.add(WimBlobInfo.of(b, partNumberOf(b)));
        }
        int entries = (int) (main.header().blobTable().uncompressedSize() / BlobTable.ENTRY_SIZE);
        return new WimBlobTable(metadata, data, entries);
    }

    /** The metadata resources listed in the main part's blob table, image 1 first. */
    List<BlobDescriptor> mainBlobTableMetadata() {
        return main.blobTable().metadata();
    }

    /**
     * What {@code wimlib-imagex export} to a new file does without compression options: keep
     * this WIM's compression and chunk size, so compressed blobs are copied without
     * recompression; and when that compression is LZMS and the WIM has solid resources,
     * write solid again (LZMS, 64 MiB chunks).
     */
    public WriteOptions writeOptionsKeepingCompression() {
        CompressionType t = main.header().compressionType();
        WriteOptions o = WriteOptions.defaults().withCompression(t, t == CompressionType.NONE ? 0 : main.header().chunkSize());
        return t == CompressionType.LZMS && hasSolidResources() ? o.withSolid(SolidOptions.defaults()) : o;
    }

    /**
     * An upper bound of the bytes that exporting image {@code index} to a new WIM with
     * {@code options} writes (rounded up to 64 KiB allocation units): what a target must
     * have free before an export starts.
     */
    public long exportSizeBound(int index, WriteOptions options) throws IOException {
        return ExportSizeBound.of(this, index, options);
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

    /** All blobs of all opened parts, in table order. */
    List<BlobDescriptor> allBlobs() {
        return new ArrayList<>(blobs.values());
    }

    /** Streams the given blobs, each resource read once. */
    void streamBlobs(List<BlobDescriptor> list, BlobStreamer.BlobSink sink, WimProgress progress) throws IOException {
        if (pipe != null) {
            pipe.stream(list, sink, progress);
            return;
        }
        BlobStreamer.stream(list, sink, progress);
    }

    /** Verifies integrity tables, image metadata, blob presence and every blob's SHA-1. */
    public WimVerifyReport verify(WimProgress progress) throws IOException {
        if (pipe != null) {
            throw new UnsupportedWimException(fileName() + ": a WIM read from a pipe cannot be verified");
        }
        return new WimVerifier(this).run(progress);
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
