package org.fenestra.wim.internal.write;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.errors.ImageNameCollisionException;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.errors.WimIsReadOnlyException;
import org.fenestra.wim.errors.WimLockedException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.Inode;
import org.fenestra.wim.internal.format.ResourceHeader;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.read.OpenedWim;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.WimProgress;

/**
 * An existing WIM opened to be changed in place, with wimlib's rules for when that is allowed
 * ({@code can_modify_wim}, {@code overwrite_wim_inplace}): not a split part, not marked
 * READONLY, writable, no write in progress, not pipable, and laid out as wimlib expects
 * (resources, then blob table, XML, integrity table), so that everything new can go after the
 * old end without touching what the old header points at. WIMs with solid resources are
 * refused (new data would need a solid resource of its own; optimize rebuilds them).
 */
public final class AppendTarget implements Closeable {
    private final OpenedWim wim;
    private final Path path;
    private final long oldEnd;
    private final FileChannel lockChannel;

    private AppendTarget(OpenedWim wim, Path path, long oldEnd, FileChannel lockChannel) {
        this.wim = wim;
        this.path = path;
        this.oldEnd = oldEnd;
        this.lockChannel = lockChannel;
    }

    /**
     * Opens {@code path} for an in-place change, holding its write lock (as wimlib's
     * {@code lock_wim_for_append}) from before its header is read until {@link #close()}, so that
     * two appends cannot both start at the same old end.
     */
    public static AppendTarget open(Path path) throws IOException {
        FileChannel lockChannel = lock(path);
        OpenedWim wim;
        try {
            wim = OpenedWim.open(path);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        try {
            checkModifiable(wim, path);
            WimHeader h = wim.header();
            if (h.pipable()) {
                throw new UnsupportedWimException("\"" + path + "\" is a pipable WIM, which cannot be changed in place"
                        + "; export its images into a new WIM (with --pipable to keep it pipable)");
            }
            return new AppendTarget(wim, path, checkLayout(wim, path), lockChannel);
        } catch (IOException | RuntimeException e) {
            wim.close();
            lockChannel.close();
            throw e;
        }
    }

    private static FileChannel lock(Path path) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new WimIsReadOnlyException("Cannot modify \"" + path + "\": no permission to write it");
        }
        try {
            if (ch.tryLock() == null) {
                throw new WimLockedException("\"" + path + "\" is already being modified by another process");
            }
            return ch;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            ch.close();
            throw new WimLockedException("\"" + path + "\" is already being modified in this process");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** wimlib's {@code can_modify_wim}, plus our refusal of a WIM another writer left WRITE_IN_PROGRESS. */
    public static void checkModifiable(OpenedWim wim, Path path) throws WimIsReadOnlyException {
        WimHeader h = wim.header();
        if (h.totalParts() != 1) {
            throw new WimIsReadOnlyException("Cannot modify \"" + path + "\": is part of a split WIM");
        }
        if (h.has(WimHeader.FLAG_READONLY)) {
            throw new WimIsReadOnlyException("Cannot modify \"" + path + "\": is marked read-only");
        }
        if (!Files.isWritable(path)) {
            throw new WimIsReadOnlyException("Cannot modify \"" + path + "\": no permission to write it");
        }
    }

    /** Where new data may start: after the integrity table, or the XML data; every resource must lie before it. */
    private static long checkLayout(OpenedWim wim, Path path) throws IOException {
        WimHeader h = wim.header();
        if (h.has(WimHeader.FLAG_WRITE_IN_PROGRESS)) {
            throw new WimIsReadOnlyException("Cannot modify \"" + path + "\": its WRITE_IN_PROGRESS flag is set (another"
                    + " program is writing it, or crashed while writing it); optimize rebuilds it");
        }
        ResourceHeader xml = h.xmlData();
        long xmlEnd = xml.offsetInWim() + xml.sizeInWim();
        long tableEnd = h.blobTable().offsetInWim() == 0 ? WimHeader.DISK_SIZE
                : h.blobTable().offsetInWim() + h.blobTable().sizeInWim();
        long end = xmlEnd;
        if (h.hasIntegrityTable()) {
            if (h.integrityTable().offsetInWim() < xmlEnd) {
                throw resourceOrder(path, "the integrity table lies before the XML data");
            }
            end = h.integrityTable().offsetInWim() + h.integrityTable().sizeInWim();
        }
        if (tableEnd > xml.offsetInWim()) {
            throw resourceOrder(path, "the blob table lies after the XML data");
        }
        List<BlobDescriptor> all = new ArrayList<>(wim.allBlobs());
        all.addAll(wim.mainBlobTableMetadata());
        for (BlobDescriptor b : all) {
            if (b.resource().solid()) {
                throw new UnsupportedWimException("\"" + path + "\" has solid resources, which cannot be changed in"
                        + " place yet; rebuild it with optimize, or export its images into a new WIM");
            }
            if (b.resource().offset() + b.resource().sizeInWim() > end) {
                throw resourceOrder(path, "a resource lies after the XML data");
            }
        }
        return end;
    }

    private static UnsupportedWimException resourceOrder(Path path, String what) {
        return new UnsupportedWimException("The components of \"" + path + "\" are arranged in an unexpected order ("
                + what + "); rebuild it with optimize");
    }

    /** The WIM as opened for the change. */
    public OpenedWim wim() {
        return wim;
    }

    /** Throws a typed error for an image index the WIM does not have. */
    public void checkImage(int index) throws InvalidImageException {
        wim.checkImage(index);
    }

    public int bootIndex() {
        return wim.bootIndex();
    }

    /** Every image as it is, in index order. */
    public List<WimFileWriter.Slot> keptImages() throws IOException {
        List<WimFileWriter.Slot> slots = new ArrayList<>();
        for (int i = 1; i <= wim.imageCount(); i++) {
            slots.add(kept(i));
        }
        return slots;
    }

    private WimFileWriter.KeptImage kept(int index) throws IOException {
        ImageMetadata image = wim.readMetadata(index); // first: a missing metadata entry is a typed error
        OutputBlob metadata = stored(wim.mainBlobTableMetadata().get(index - 1), true);
        Map<BlobDescriptor.Sha1Key, Long> refs = new HashMap<>();
        for (Inode inode : image.inodes()) {
            for (StreamEntry s : inode.streams()) {
                if (!s.zeroHash()) {
                    refs.merge(new BlobDescriptor.Sha1Key(s.hash()), (long) inode.links().size(), Long::sum);
                }
            }
        }
        org.w3c.dom.Element xml = wim.imageXml(index);
        return new WimFileWriter.KeptImage(metadata, refs, (i, stats) -> XmlWriter.copiedImage(xml, i, null, null));
    }

    private OutputBlob stored(BlobDescriptor b, boolean metadata) {
        return OutputBlob.alreadyStored(b.size(), b.hash(), b.resource().header(), metadata,
                new WimBlobSource(b, wim.header(), BlobReading.keeping()));
    }

    /** Throws if an image to add would take the name of one the WIM has (wimlib's rule; empty names may repeat). */
    public void checkNewName(String name, List<String> alsoTaken) throws ImageNameCollisionException,
            InvalidImageException {
        if (name == null || name.isEmpty()) {
            return;
        }
        boolean taken = alsoTaken.contains(name);
        for (int i = 1; i <= wim.imageCount(); i++) {
            taken |= name.equals(wim.imageName(i));
        }
        if (taken) {
            throw new ImageNameCollisionException("There is already an image named \"" + name + "\" in \"" + path + "\"");
        }
    }

    /** Writes {@code slots} into the file in place, with the WIM's own compression and chunk size. */
    public void write(List<WimFileWriter.Slot> slots, int bootIndex, ModifyOptions o, WimProgress progress)
            throws IOException {
        WimHeader h = wim.header();
        CompressionType type = h.compressionType();
        List<OutputBlob> blobs = new ArrayList<>();
        for (BlobDescriptor b : wim.allBlobs()) {
            blobs.add(stored(b, false));
        }
        WimFileWriter.Settings s = new WimFileWriter.Settings(type, type == CompressionType.NONE ? 0 : h.chunkSize(),
                Compressors.DEFAULT_LEVEL, o.integrity().wanted(h.hasIntegrityTable()), bootIndex,
                h.flags() & WimHeader.FLAG_RP_FIX);
        WimFileWriter.append(path, new WimFileWriter.Existing(h.guid(), oldEnd, blobs), s, slots, progress);
    }

    @Override
    public void close() throws IOException {
        try {
            wim.close();
        } finally {
            lockChannel.close(); // releases the lock
        }
    }
}
