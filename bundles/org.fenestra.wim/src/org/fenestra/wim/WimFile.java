package org.fenestra.wim;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.BlobTable;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.format.WimPart;
import org.fenestra.wim.internal.read.OpenedWim;
import org.fenestra.wim.internal.read.WimVerifier;
import org.fenestra.wim.internal.write.WimModifier;
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
    private final OpenedWim opened;
    private final List<WimImageInfo> images;
    /** The façade of the image opened last (its metadata is kept by {@link OpenedWim} as well). */
    private WimImage lastOpened;

    private WimFile(OpenedWim opened) {
        this.opened = opened;
        List<WimImageInfo> list = new ArrayList<>();
        for (int i = 1; i <= opened.imageCount(); i++) {
            list.add(new WimImageInfo(i, opened.xml().image(i)));
        }
        this.images = Collections.unmodifiableList(list);
    }

    /** Opens a standalone WIM, or the first part of a split set (blobs in other parts are then missing). */
    public static WimFile open(Path path) throws IOException {
        return new WimFile(OpenedWim.open(path));
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
        return new WimFile(OpenedWim.readFromPipe(in, name));
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
        opened.addReference(ref);
    }

    /** The implementation's view of this WIM, for the other façades of this package. */
    OpenedWim opened() {
        return opened;
    }

    public String fileName() {
        return opened.fileName();
    }

    /** The file, or null for a WIM read from a pipe. */
    public Path path() {
        return opened.path();
    }

    public WimHeaderInfo header() {
        WimHeader h = opened.header();
        return new WimHeaderInfo(h.pipable(), h.version(), h.flags(), h.compressionType(), h.chunkSize(), h.guid().clone(),
                h.partNumber(), h.totalParts(), opened.imageCount(), bootIndex(), h.hasIntegrityTable(),
                h.has(WimHeader.FLAG_RP_FIX), h.has(WimHeader.FLAG_READONLY), h.has(WimHeader.FLAG_SPANNED));
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
        return opened.bootIndex();
    }

    /** XML TOTALBYTES, which wimlib-imagex prints as the WIM's size. */
    public long totalBytes() {
        return opened.xml().totalBytes();
    }

    /** The XML document as stored: UTF-16LE with byte order mark. */
    public byte[] xmlBytes() {
        return opened.xml().raw();
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
        lastOpened = new WimImage(this, info, opened.readMetadata(index));
        return lastOpened;
    }

    /** The blob table of this file (for a split set, of the part opened first). */
    public WimBlobTable blobTable() {
        List<WimBlobInfo> metadata = new ArrayList<>();
        WimPart main = opened.main();
        for (BlobDescriptor b : main.blobTable().metadata()) {
            metadata.add(WimBlobInfo.of(b, main.header().partNumber()));
        }
        List<WimBlobInfo> data = new ArrayList<>();
        for (BlobDescriptor b : main.blobTable().blobs().values()) {
            data.add(WimBlobInfo.of(b, opened.partNumberOf(b)));
        }
        int entries = (int) (main.header().blobTable().uncompressedSize() / BlobTable.ENTRY_SIZE);
        return new WimBlobTable(metadata, data, entries);
    }

    /**
     * What {@code wimlib-imagex export} to a new file does without compression options: keep
     * this WIM's compression and chunk size, so compressed blobs are copied without
     * recompression; and when that compression is LZMS and the WIM has solid resources,
     * write solid again (LZMS, 64 MiB chunks).
     */
    public WriteOptions writeOptionsKeepingCompression() {
        return WimModifier.keepingCompression(opened);
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
        return opened.hasSolidResources();
    }

    /** Verifies integrity tables, image metadata, blob presence and every blob's SHA-1. */
    public WimVerifyReport verify(WimProgress progress) throws IOException {
        if (opened.fromPipe()) {
            throw new UnsupportedWimException(fileName() + ": a WIM read from a pipe cannot be verified");
        }
        WimVerifyReport report = new WimVerifyReport();
        new WimVerifier(opened, new WimVerifier.Findings() {
            @Override
            public void split(boolean isSplit) {
                report.split(isSplit);
            }

            @Override
            public void noIntegrityTable(String file) {
                report.noIntegrityTable(file);
            }

            @Override
            public void missing(String path, byte[] hash) {
                report.missing(new WimVerifyReport.MissingBlob(path, hash));
            }

            @Override
            public void checked() {
                report.checked();
            }

            @Override
            public void bad(CorruptBlob blob) {
                report.bad(blob);
            }
        }).run(progress);
        return report;
    }

    @Override
    public void close() throws IOException {
        opened.close();
    }
}
