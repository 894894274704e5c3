package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.ImageMetadata;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.read.OpenedWim;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.OptimizeOptions;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;

/**
 * The changes {@code WimUpdater} offers, on the implementation's types: in place through an
 * {@link AppendTarget} (append, export into, soft delete, boot index, update), or by rebuilding
 * the WIM into a temporary file renamed over it (optimize, delete).
 */
public final class WimModifier {
    private static final Logger LOG = System.getLogger(WimModifier.class.getName());

    /** How the tree of a new image is made; {@code now}: the capture time. */
    public interface TreeScan {
        TreeDentry scan(long now) throws IOException;
    }

    private WimModifier() {
    }

    /** Adds the scanned tree as a new last image of {@code wimFile}. */
    public static void append(Path wimFile, TreeScan scan, org.fenestra.wim.model.CaptureOptions capture,
            ModifyOptions options, WimProgress progress) throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            t.checkNewName(capture.name(), List.of());
            long now = ImageExport.nowFiletime();
            TreeDentry root = scan.scan(now);
            List<WimFileWriter.Slot> slots = t.keptImages();
            slots.add(ImageExport.capturedImage(root, now, capture));
            t.write(slots, options.boot() ? slots.size() : t.bootIndex(), options, progress);
        }
        rebuildIfAsked(wimFile, options, progress);
    }

    /** Exports images {@code indices} of {@code source} into the existing WIM {@code dest}. */
    public static void exportInto(OpenedWim source, List<Integer> indices, Path dest, String destName,
            String destDescription, ModifyOptions options, WimProgress progress) throws IOException {
        if (Files.isSameFile(dest, source.path())) {
            throw new IOException("cannot export images of \"" + dest + "\" into itself");
        }
        try (AppendTarget t = AppendTarget.open(dest)) {
            List<String> added = new ArrayList<>();
            for (int index : indices) {
                String effective = indices.size() == 1 && destName != null ? destName : source.imageName(index);
                t.checkNewName(effective, added);
                added.add(effective);
            }
            List<WimFileWriter.Slot> slots = t.keptImages();
            int boot = ImageExport.addExported(source, indices, destName, destDescription, options.boot(),
                    new IdentityHashMap<>(), BlobReading::keeping, slots, t.bootIndex());
            LOG.log(Level.DEBUG, "exporting {0} image(s) of {1} into {2}", indices.size(), source.fileName(), dest);
            t.write(slots, boot, options, progress);
        }
        rebuildIfAsked(dest, options, progress);
    }

    /** Deletes image {@code index} (0: every image): in place when soft, else by a rebuild without it. */
    public static void delete(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        if (options.softDelete() && !options.rebuild()) {
            try (AppendTarget t = AppendTarget.open(wimFile)) {
                if (index != 0) {
                    t.checkImage(index);
                }
                List<WimFileWriter.Slot> slots = t.keptImages();
                int boot = t.bootIndex();
                if (index == 0) {
                    slots.clear();
                    boot = 0;
                } else {
                    slots.remove(index - 1);
                    boot = boot == index ? 0 : boot > index ? boot - 1 : boot;
                }
                t.write(slots, boot, options, progress);
            }
            return;
        }
        try (OpenedWim wim = OpenedWim.open(wimFile)) {
            AppendTarget.checkModifiable(wim, wimFile);
            if (index != 0) {
                wim.checkImage(index);
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 1; i <= wim.imageCount(); i++) {
                if (index != 0 && i != index) {
                    keep.add(i);
                }
            }
            rebuild(wim, keep, wimFile, defaultRebuild(options), progress);
        }
    }

    /** Marks image {@code index} bootable (0: none), in place. */
    public static void setBootIndex(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            if (index != 0) {
                t.checkImage(index);
            }
            t.write(t.keptImages(), index, options, progress);
        }
    }

    /** Applies {@code commands} to image {@code index}, add commands leaving out what {@code config} excludes. */
    public static void update(Path wimFile, int index, List<UpdateCommand> commands, CaptureConfig config,
            ModifyOptions options, WimProgress progress) throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            OpenedWim wim = t.wim();
            ImageMetadata md = wim.readMetadata(index);
            TreeDentry root = new TreeConversion(wim, new IdentityHashMap<>(), BlobReading.keeping()).convert(md);
            long now = ImageExport.nowFiletime();
            TreeEditor editor = new TreeEditor(root, now);
            // One scanner for every add, as wimlib: a file added twice (same inode) becomes hard-linked.
            ImageCapture scanner = new ImageCapture(config, wim.header().has(WimHeader.FLAG_RP_FIX), progress);
            for (UpdateCommand c : commands) {
                WimProgress.checkCanceled(progress);
                switch (c) {
                    case UpdateCommand.Add a -> editor.add(scanner.scanBranch(a.source()), a.target(), a.noReplace());
                    case UpdateCommand.Delete d -> editor.delete(d.path(), d.force(), d.recursive());
                    case UpdateCommand.Rename r -> editor.rename(r.from(), r.to());
                }
            }
            List<WimFileWriter.Slot> slots = t.keptImages();
            org.w3c.dom.Element xml = wim.imageXml(index);
            slots.set(index - 1, new WimFileWriter.Image(root, TreeConversion.securityDescriptors(md),
                    (i, stats) -> XmlWriter.updatedImage(xml, i, stats, now)));
            t.write(slots, t.bootIndex(), options, progress);
        }
        rebuildIfAsked(wimFile, options, progress);
    }

    /**
     * Rebuilds {@code wimFile} into a temporary file beside it, dropping holes and unreferenced
     * blobs, and renames it over the original. Image properties, the GUID, the boot index and the
     * RP_FIX flag are kept.
     */
    public static void optimize(Path wimFile, OptimizeOptions options, WimProgress progress) throws IOException {
        try (OpenedWim wim = OpenedWim.open(wimFile)) {
            AppendTarget.checkModifiable(wim, wimFile);
            List<Integer> all = new ArrayList<>();
            for (int i = 1; i <= wim.imageCount(); i++) {
                all.add(i);
            }
            rebuild(wim, all, wimFile, options, progress);
        }
    }

    /**
     * What an export to a new file keeps without compression options: the WIM's compression and
     * chunk size (compressed blobs are then copied as they are), and solid LZMS where it has solid
     * resources.
     */
    public static WriteOptions keepingCompression(OpenedWim wim) {
        CompressionType t = wim.header().compressionType();
        WriteOptions o = WriteOptions.defaults().withCompression(t, t == CompressionType.NONE ? 0 : wim.header().chunkSize());
        return t == CompressionType.LZMS && wim.hasSolidResources() ? o.withSolid(SolidOptions.defaults()) : o;
    }

    private static void rebuild(OpenedWim wim, List<Integer> keep, Path wimFile, OptimizeOptions options,
            WimProgress progress) throws IOException {
        if (wim.header().pipable()) {
            throw new UnsupportedWimException("\"" + wimFile + "\" is a pipable WIM, which is not rebuilt in place yet;"
                    + " export its images into a new WIM (with --pipable to keep it pipable)");
        }
        WriteOptions w = options.writeOptions(keepingCompression(wim), wim.header().hasIntegrityTable())
                .withBoot(keep.contains(wim.bootIndex()));
        LOG.log(Level.DEBUG, "rebuilding {0} with {1} image(s)", wimFile, keep.size());
        ImageExport.writeImages(wim, keep, wimFile, null, null, w, true, progress);
    }

    private static void rebuildIfAsked(Path wimFile, ModifyOptions options, WimProgress progress) throws IOException {
        if (options.rebuild()) {
            optimize(wimFile, defaultRebuild(options), progress);
        }
    }

    /** The rebuild wimlib follows a change with: the WIM's own compression, the change's integrity choice. */
    private static OptimizeOptions defaultRebuild(ModifyOptions options) {
        return new OptimizeOptions(null, 0, Compressors.DEFAULT_LEVEL, false, options.integrity());
    }
}
