package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.internal.format.BlobDescriptor;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.read.OpenedWim;
import org.fenestra.wim.internal.read.SolidChunkCache;
import org.fenestra.wim.internal.windows.WindowsInspector;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;
import org.fenestra.wim.model.WriteOptions;
import org.w3c.dom.Element;

/**
 * The images a new WIM is written with: captured from a directory tree, or exported from
 * another WIM (its trees, blobs, security descriptors and XML), and the settings they are
 * written with. {@code WimWriter}, {@code PipableWriter} and the rebuilds of {@code WimUpdater}
 * all start here.
 */
public final class ImageExport {
    private static final Logger LOG = System.getLogger(ImageExport.class.getName());

    /** The images an export writes, and the settings it writes them with. */
    public record Exported(List<WimFileWriter.Image> images, WimFileWriter.Settings settings) {
    }

    private ImageExport() {
    }

    /** Scans {@code source} into the image a capture writes. */
    public static WimFileWriter.Image capturedImage(Path source, CaptureOptions capture, WimProgress progress)
            throws IOException {
        TreeDentry root = new ImageCapture(capture.config(), capture.rpfix(), progress).scan(source);
        return capturedImage(root, nowFiletime(), capture);
    }

    /**
     * The image a capture writes from its scanned tree, created and modified {@code now}; a tree
     * holding Windows gets wimlib's {@code <WINDOWS>} element, read from the tree's own hives and
     * kernel32.dll (what cannot be read is left out, as wimlib does, and logged).
     */
    public static WimFileWriter.Image capturedImage(TreeDentry root, long now, CaptureOptions capture)
            throws IOException {
        WindowsFacts windows = WindowsInspector.inspect(new CapturedTree(root));
        for (String warning : windows.warnings()) {
            LOG.log(Level.WARNING, "capture: {0}; the WIM''s WINDOWS element leaves it out", warning);
        }
        return new WimFileWriter.Image(root, List.of(), (index, stats) -> XmlWriter.newImage(index,
                capture.name(), capture.description(), capture.flags(), windows, stats, now, now));
    }

    public static WimFileWriter.Settings captureSettings(CaptureOptions capture, WriteOptions options) {
        return settings(options, options.boot() ? 1 : 0, capture.rpfix() ? WimHeader.FLAG_RP_FIX : 0);
    }

    /**
     * Writes images {@code indices} of {@code source} into a new WIM at {@code dest}
     * ({@code keepGuid}: the new file keeps the source's GUID, as wimlib's rebuilds do).
     */
    public static void writeImages(OpenedWim source, List<Integer> indices, Path dest, String destName,
            String destDescription, WriteOptions options, boolean keepGuid, WimProgress progress) throws IOException {
        Exported e = exportedImages(source, indices, destName, destDescription, options);
        LOG.log(Level.DEBUG, "exporting {0} image(s) of {1} to {2}", indices.size(), source.fileName(), dest);
        if (keepGuid) {
            WimFileWriter.write(dest, e.settings(), source.header().guid(), e.images(), progress);
        } else {
            WimFileWriter.write(dest, e.settings(), e.images(), progress);
        }
    }

    public static Exported exportedImages(OpenedWim source, List<Integer> indices, String destName,
            String destDescription, WriteOptions options) throws IOException {
        SolidChunkCache cache = new SolidChunkCache();
        List<WimFileWriter.Image> images = new ArrayList<>();
        int boot = addExported(source, indices, destName, destDescription, options.boot(), new IdentityHashMap<>(),
                () -> new BlobReading(cache, !options.recompress()), images, 0);
        int flags = source.header().flags() & (WimHeader.FLAG_RP_FIX | WimHeader.FLAG_READONLY);
        return new Exported(images, settings(options, boot, flags));
    }

    /**
     * Adds images {@code indices} of {@code source} to {@code slots} as an export writes them:
     * the tree and its blobs (shared through {@code blobs}), security descriptors, the source's
     * XML (with {@code destName}/{@code destDescription} for a single image) and the stored
     * metadata where it can be copied. Returns the boot slot: with {@code markBoot}, the
     * exported image (one exported) or the source's boot image; else {@code boot}.
     */
    public static int addExported(OpenedWim source, List<Integer> indices, String destName, String destDescription,
            boolean markBoot, Map<BlobDescriptor, OutputBlob> blobs, Supplier<BlobReading> readings,
            List<? super WimFileWriter.Image> slots, int boot) throws IOException {
        int bootSlot = boot;
        for (int index : indices) {
            ImageMetadata md = source.readMetadata(index);
            TreeConversion conversion = new TreeConversion(source, blobs, readings.get());
            TreeDentry root = conversion.convert(md);
            Element xml = source.imageXml(index);
            String name = indices.size() == 1 ? destName : null;
            String description = indices.size() == 1 ? destDescription : null;
            slots.add(new WimFileWriter.Image(root, TreeConversion.securityDescriptors(md),
                    (i, stats) -> XmlWriter.copiedImage(xml, i, name, description),
                    conversion.storedMetadata(index, md)));
            if (markBoot && (indices.size() == 1 || index == source.bootIndex())) {
                bootSlot = slots.size();
            }
        }
        return bootSlot;
    }

    public static WimFileWriter.Settings settings(WriteOptions o, int boot, int headerFlags) {
        return new WimFileWriter.Settings(o.compression(), o.compression() == CompressionType.NONE ? 0 : o.chunkSize(),
                o.level(), o.integrity(), boot, headerFlags, o.solid());
    }

    /** Now as a Windows FILETIME (100 ns since 1601). */
    public static long nowFiletime() {
        java.time.Instant now = java.time.Instant.now();
        return (now.getEpochSecond() + 11_644_473_600L) * 10_000_000L + now.getNano() / 100;
    }
}
