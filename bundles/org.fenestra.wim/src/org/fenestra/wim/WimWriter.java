package org.fenestra.wim;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.Dentry;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.Inode;
import org.fenestra.wim.internal.format.ResourceReader;
import org.fenestra.wim.internal.format.SecurityData;
import org.fenestra.wim.internal.format.StreamEntry;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.read.SolidChunkCache;
import org.fenestra.wim.internal.write.BlobSource;
import org.fenestra.wim.internal.write.ImageCapture;
import org.fenestra.wim.internal.write.MultiSourceCapture;
import org.fenestra.wim.internal.write.OutputBlob;
import org.fenestra.wim.internal.write.TreeDentry;
import org.fenestra.wim.internal.write.TreeInode;
import org.fenestra.wim.internal.write.WimFileWriter;
import org.fenestra.wim.internal.write.XmlWriter;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.CaptureSource;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WimStreamType;
import org.fenestra.wim.model.WriteOptions;

/**
 * Writes new WIM files: {@link #capture} a directory tree, {@link #export} images of another
 * WIM. Every new file is written beside its destination under a temporary name, synced and
 * renamed into place only when complete; after a failure or cancellation no temporary file
 * is left and an existing destination is untouched.
 *
 * @since 0.1
 */
public final class WimWriter {
    private static final Logger LOG = System.getLogger(WimWriter.class.getName());

    private WimWriter() {
    }

    /** Captures {@code source} into a new one-image WIM at {@code wimFile} (like {@code wimlib-imagex capture}). */
    public static void capture(Path source, Path wimFile, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        WimFileWriter.write(wimFile, captureSettings(capture, options), List.of(capturedImage(source, capture, progress)),
                progress);
    }

    /**
     * Captures several sources into a new one-image WIM at {@code wimFile}, each placed at its
     * target (like {@code wimlib-imagex capture --source-list}); directories from several
     * sources merge, of two files at one path the later source's wins.
     */
    public static void capture(List<CaptureSource> sources, Path wimFile, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        long now = nowFiletime();
        TreeDentry root = MultiSourceCapture.scan(sources, capture.config(), capture.rpfix(), progress, now);
        WimFileWriter.write(wimFile, captureSettings(capture, options), List.of(capturedImage(root, now, capture)),
                progress);
    }

    /** Scans {@code source} into the image a capture writes. */
    static WimFileWriter.Image capturedImage(Path source, CaptureOptions capture, WimProgress progress)
            throws IOException {
        TreeDentry root = new ImageCapture(capture.config(), capture.rpfix(), progress).scan(source);
        return capturedImage(root, nowFiletime(), capture);
    }

    /** The image a capture writes from its scanned tree, created and modified {@code now}. */
    private static WimFileWriter.Image capturedImage(TreeDentry root, long now, CaptureOptions capture) {
        return new WimFileWriter.Image(root, List.of(), (index, stats) -> XmlWriter.newImage(index,
                capture.name(), capture.description(), capture.flags(), stats, now, now));
    }

    static WimFileWriter.Settings captureSettings(CaptureOptions capture, WriteOptions options) {
        return settings(options, options.boot() ? 1 : 0, capture.rpfix() ? WimHeader.FLAG_RP_FIX : 0);
    }

    /**
     * Writes images {@code indices} of {@code source} into a new WIM (like
     * {@code wimlib-imagex export} to a new file). Blobs whose compressed bytes match the
     * output's compression and chunk size are copied without decompression (unless
     * {@link WriteOptions#recompress()}); the others, including all LZMS and solid data, are
     * decompressed and compressed again. Image properties are kept; {@code destName} and
     * {@code destDescription}, when not null, replace NAME and DESCRIPTION (of a single
     * image).
     */
    public static void export(WimFile source, List<Integer> indices, Path dest, String destName,
            String destDescription, WriteOptions options, WimProgress progress) throws IOException {
        if (Files.exists(dest) && Files.isSameFile(dest, source.path())) {
            throw new IOException("cannot export into the source WIM itself; append is a separate operation");
        }
        writeImages(source, indices, dest, destName, destDescription, options, false, progress);
    }

    /**
     * {@link #export} without its guard: also what {@link WimUpdater#optimize} rebuilds a WIM
     * over itself with ({@code keepGuid}: the new file keeps the source's GUID, as wimlib's
     * rebuilds do).
     */
    static void writeImages(WimFile source, List<Integer> indices, Path dest, String destName,
            String destDescription, WriteOptions options, boolean keepGuid, WimProgress progress) throws IOException {
        Exported e = exportedImages(source, indices, destName, destDescription, options);
        LOG.log(Level.DEBUG, "exporting {0} image(s) of {1} to {2}", indices.size(), source.fileName(), dest);
        if (keepGuid) {
            WimFileWriter.write(dest, e.settings(), source.rawHeader().guid(), e.images(), progress);
        } else {
            WimFileWriter.write(dest, e.settings(), e.images(), progress);
        }
    }

    /** The images an export writes, and the settings it writes them with. */
    record Exported(List<WimFileWriter.Image> images, WimFileWriter.Settings settings) {
    }

    static Exported exportedImages(WimFile source, List<Integer> indices, String destName, String destDescription,
            WriteOptions options) throws IOException {
        SolidChunkCache cache = new SolidChunkCache();
        List<WimFileWriter.Image> images = new ArrayList<>();
        int boot = addExported(source, indices, destName, destDescription, options.boot(), new IdentityHashMap<>(),
                () -> new BlobReading(cache, !options.recompress()), images, 0);
        int flags = source.rawHeader().flags() & (WimHeader.FLAG_RP_FIX | WimHeader.FLAG_READONLY);
        return new Exported(images, settings(options, boot, flags));
    }

    /**
     * Adds images {@code indices} of {@code source} to {@code slots} as an export writes them:
     * the tree and its blobs (shared through {@code blobs}), security descriptors, the source's
     * XML (with {@code destName}/{@code destDescription} for a single image) and the stored
     * metadata where it can be copied. Returns the boot slot: with {@code markBoot}, the
     * exported image (one exported) or the source's boot image; else {@code boot}.
     */
    static int addExported(WimFile source, List<Integer> indices, String destName, String destDescription,
            boolean markBoot, Map<BlobDescriptor, OutputBlob> blobs, Supplier<BlobReading> readings,
            List<? super WimFileWriter.Image> slots, int boot) throws IOException {
        int bootSlot = boot;
        for (int index : indices) {
            WimImage img = source.openImage(index);
            BlobReading reading = readings.get();
            TreeDentry root = convert(img, blobs, reading);
            org.w3c.dom.Element xml = source.image(index).element();
            String name = indices.size() == 1 ? destName : null;
            String description = indices.size() == 1 ? destDescription : null;
            slots.add(new WimFileWriter.Image(root, securityDescriptors(img),
                    (i, stats) -> XmlWriter.copiedImage(xml, i, name, description), storedMetadata(img, reading)));
            if (markBoot && (indices.size() == 1 || index == source.bootIndex())) {
                bootSlot = slots.size();
            }
        }
        return bootSlot;
    }

    static WimFileWriter.Settings settings(WriteOptions o, int boot, int headerFlags) {
        return new WimFileWriter.Settings(o.compression(), o.compression() == CompressionType.NONE ? 0 : o.chunkSize(),
                o.level(), o.integrity(), boot, headerFlags, o.solid());
    }

    static long nowFiletime() {
        java.time.Instant now = java.time.Instant.now();
        return (now.getEpochSecond() + 11_644_473_600L) * 10_000_000L + now.getNano() / 100;
    }

    /** The security descriptors of an image, in security id order. */
    static List<byte[]> securityDescriptors(WimImage img) {
        List<byte[]> sds = new ArrayList<>();
        SecurityData sd = img.metadata().security();
        for (int i = 0; i < sd.count(); i++) {
            sds.add(sd.descriptor(i));
        }
        return sds;
    }

    /**
     * The metadata resource {@code img} was read from, to be copied as it is where the output's
     * compression allows; null when the rebuilt tree would differ from it ({@link #convert}
     * drops streams wimlib does not keep either, whose blobs are then not written) or when
     * {@code reading} asks for everything to be compressed again.
     */
    static OutputBlob storedMetadata(WimImage img, BlobReading reading) {
        if (!reading.rawCopy() || img.metadata().root() == null) {
            return null;
        }
        for (Inode in : img.metadata().inodes()) {
            for (StreamEntry s : in.streams()) {
                if (!s.zeroHash() && !keptByConvert(s)) {
                    return null;
                }
            }
        }
        BlobDescriptor md = img.wim().mainBlobTableMetadata().get(img.index() - 1);
        return OutputBlob.metadata(md.size(), md.hash(), new WimBlobSource(md, img.wim().rawHeader(), reading));
    }

    /** Whether {@link #convertInode} keeps the stream. */
    private static boolean keptByConvert(StreamEntry s) {
        return s.named() ? s.type() == WimStreamType.DATA : s.type() != WimStreamType.UNKNOWN;
    }

    /** Rebuilds an image's tree for writing; streams refer to the source's blobs. */
    static TreeDentry convert(WimImage img, Map<BlobDescriptor, OutputBlob> blobs, BlobReading reading)
            throws IOException {
        ImageMetadata md = img.metadata();
        if (md.root() == null) {
            TreeInode i = new TreeInode();
            i.attributes = TreeInode.FILE_ATTRIBUTE_DIRECTORY;
            return new TreeDentry("", "", i);
        }
        Map<Inode, TreeInode> inodes = new IdentityHashMap<>();
        Map<Dentry, TreeDentry> dentries = new IdentityHashMap<>();
        java.util.Deque<Dentry> work = new java.util.ArrayDeque<>();
        work.push(md.root());
        TreeDentry root = null;
        while (!work.isEmpty()) {
            Dentry d = work.pop();
            TreeInode ti = inodes.get(d.inode());
            if (ti == null) {
                ti = convertInode(img, d, blobs, reading);
                inodes.put(d.inode(), ti);
            }
            TreeDentry td = new TreeDentry(d.name(), d.shortName(), ti);
            dentries.put(d, td);
            if (d.parent() == null) {
                root = td;
            } else {
                dentries.get(d.parent()).addChild(td);
            }
            for (Dentry c : d.children()) {
                work.push(c);
            }
        }
        return root;
    }

    private static TreeInode convertInode(WimImage img, Dentry d, Map<BlobDescriptor, OutputBlob> blobs,
            BlobReading reading) throws IOException {
        Inode in = d.inode();
        TreeInode t = new TreeInode();
        t.attributes = in.attributes();
        t.securityId = in.securityId();
        t.creationTime = in.creationTime();
        t.lastAccessTime = in.lastAccessTime();
        t.lastWriteTime = in.lastWriteTime();
        t.reparseTag = in.reparseTag();
        t.rpReserved = in.rpReserved();
        t.rpFlags = in.rpFlags();
        t.taggedItems = in.tagged().isEmpty() ? null : in.tagged().raw();
        for (StreamEntry s : in.streams()) {
            OutputBlob b = blob(img, s, d, blobs, reading);
            if (!keptByConvert(s)) {
                continue; // an extra unnamed stream, or a named one that is not data: wimlib drops them as well
            }
            if (s.named()) {
                t.named.add(new TreeInode.NamedStream(s.name(), b));
                continue;
            }
            switch (s.type()) {
                case DATA -> t.data = b;
                case REPARSE_POINT -> t.reparse = b;
                case EFSRPC_RAW_DATA -> t.encrypted = b;
                default -> {
                    // not reached: keptByConvert
                }
            }
        }
        return t;
    }

    private static OutputBlob blob(WimImage img, StreamEntry s, Dentry d, Map<BlobDescriptor, OutputBlob> blobs,
            BlobReading reading) throws IOException {
        if (s.zeroHash()) {
            return null;
        }
        BlobDescriptor bd = img.wim().blob(s.hash());
        if (bd == null) {
            throw new MissingBlobException("\"" + d.fullPath() + "\": blob not found (SHA-1 "
                    + org.fenestra.wim.internal.format.LittleEndian.hex(s.hash()) + ")");
        }
        OutputBlob existing = blobs.get(bd);
        if (existing != null) {
            return existing;
        }
        OutputBlob b = new OutputBlob(bd.size(), bd.hash(), new WimBlobSource(bd, img.wim().rawHeader(), reading));
        blobs.put(bd, b);
        return b;
    }

    /**
     * How an export reads the source's blobs: solid chunks through one cache, and compressed
     * bytes copied raw unless {@code rawCopy} is false ({@code --recompress}).
     */
    record BlobReading(SolidChunkCache cache, boolean rawCopy) {
        /** For writers that only keep blobs where they are (in-place changes of non-solid WIMs). */
        static BlobReading keeping() {
            return new BlobReading(new SolidChunkCache(), true);
        }
    }

    /**
     * A blob of an opened WIM (whose header is {@code wim}): read (decompressing) through its
     * resource, or, when {@code reading} allows, copied raw.
     */
    record WimBlobSource(BlobDescriptor blob, WimHeader wim, BlobReading reading) implements BlobSource {
        @Override
        public void read(ResourceReader.DataSink sink) throws IOException {
            if (blob.resource().solid()) {
                reading.cache().read(blob.resource(), blob.offsetInResource(), blob.size(), sink);
            } else {
                ResourceReader.read(blob.resource(), blob.offsetInResource(), blob.size(), true, sink);
            }
        }

        @Override
        public long[] fileOrder() {
            return new long[] { blob.partNumber(), blob.resource().offset(), blob.offsetInResource() };
        }

        @Override
        public BlobDescriptor wimBlob() {
            return blob;
        }

        @Override
        public boolean inSolidResource() {
            return blob.resource().solid();
        }

        @Override
        public org.fenestra.wim.internal.format.Resource rawCopyCandidate() {
            return reading.rawCopy() && blob.offsetInResource() == 0 && blob.resource().uncompressedSize() == blob.size()
                    ? blob.resource() : null;
        }

        @Override
        public boolean storedRawIn(CompressionType type, int chunkSize) {
            return wim.compressionType() == type && wim.chunkSize() == chunkSize;
        }

        @Override
        public String describe() {
            return blob.resource().source().name() + ": blob " + org.fenestra.wim.internal.format.LittleEndian.hex(blob.hash());
        }
    }
}
