package org.fenestra.wim;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

import org.fenestra.wim.errors.UnsupportedWimException;
import org.fenestra.wim.internal.format.WimHeader;
import org.fenestra.wim.internal.write.ImageCapture;
import org.fenestra.wim.internal.write.MultiSourceCapture;
import org.fenestra.wim.internal.write.OutputBlob;
import org.fenestra.wim.internal.write.TreeDentry;
import org.fenestra.wim.internal.write.TreeEditor;
import org.fenestra.wim.internal.write.WimFileWriter;
import org.fenestra.wim.internal.write.XmlWriter;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.CaptureSource;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.OptimizeOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;

/**
 * Changes existing WIM files, as {@code wimlib-imagex append}, {@code export} (to an existing
 * WIM), {@code delete}, {@code update} and {@code optimize} do.
 *
 * <p>Append, export, update and a soft delete work in place (see {@link WimFileWriter#append}):
 * only blobs the WIM does not hold yet are written (single-instance by SHA-1 across images),
 * after the old end of the file, followed by new metadata, blob table, XML and integrity
 * table; the header is rewritten last. An interruption leaves the old WIM valid; a failure or
 * cancellation truncates the file back to its old length. Optimize (and a delete, which wimlib
 * follows with a rebuild unless soft) writes the whole WIM to a temporary file beside it and
 * renames it over the original.
 *
 * @since 0.1
 */
public final class WimUpdater {
    private static final Logger LOG = System.getLogger(WimUpdater.class.getName());

    private WimUpdater() {
    }

    /** Captures {@code source} as a new last image of {@code wimFile} ({@code wimlib-imagex append}). */
    public static void append(Path wimFile, Path source, CaptureOptions capture, ModifyOptions options,
            WimProgress progress) throws IOException {
        append(wimFile, now -> new ImageCapture(capture.config(), capture.rpfix(), progress).scan(source), capture,
                options, progress);
    }

    /**
     * Captures several sources, each at its target, as a new last image of {@code wimFile}
     * ({@code wimlib-imagex append --source-list}); overlays as {@link WimWriter#capture(List, Path,
     * CaptureOptions, org.fenestra.wim.model.WriteOptions, WimProgress)}.
     */
    public static void append(Path wimFile, List<CaptureSource> sources, CaptureOptions capture, ModifyOptions options,
            WimProgress progress) throws IOException {
        append(wimFile, now -> MultiSourceCapture.scan(sources, capture.config(), capture.rpfix(), progress, now),
                capture, options, progress);
    }

    /** How the tree of a new image is made; {@code now}: the capture time. */
    private interface TreeScan {
        TreeDentry scan(long now) throws IOException;
    }

    private static void append(Path wimFile, TreeScan scan, CaptureOptions capture, ModifyOptions options,
            WimProgress progress) throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            t.checkNewName(capture.name(), List.of());
            long now = WimWriter.nowFiletime();
            TreeDentry root = scan.scan(now);
            List<WimFileWriter.Slot> slots = t.keptImages();
            slots.add(new WimFileWriter.Image(root, List.of(), (i, stats) -> XmlWriter.newImage(i, capture.name(),
                    capture.description(), capture.flags(), stats, now, now)));
            t.write(slots, options.boot() ? slots.size() : t.bootIndex(), options, progress);
        }
        rebuildIfAsked(wimFile, options, progress);
    }

    /**
     * Exports images {@code indices} of {@code source} into the existing WIM {@code dest}
     * ({@code wimlib-imagex export} to an existing file): blobs {@code dest} already holds are
     * shared, compressed blobs are copied as they are when compression and chunk size match
     * {@code dest}'s. {@code destName}/{@code destDescription} rename a single exported image.
     */
    public static void exportInto(WimFile source, List<Integer> indices, Path dest, String destName,
            String destDescription, ModifyOptions options, WimProgress progress) throws IOException {
        if (Files.isSameFile(dest, source.path())) {
            throw new IOException("cannot export images of \"" + dest + "\" into itself");
        }
        try (AppendTarget t = AppendTarget.open(dest)) {
            List<String> added = new ArrayList<>();
            for (int index : indices) {
                String effective = indices.size() == 1 && destName != null ? destName : source.image(index).name();
                t.checkNewName(effective, added);
                added.add(effective);
            }
            List<WimFileWriter.Slot> slots = t.keptImages();
            int boot = WimWriter.addExported(source, indices, destName, destDescription, options.boot(),
                    new IdentityHashMap<>(), WimWriter.BlobReading::keeping, slots, t.bootIndex());
            LOG.log(Level.DEBUG, "exporting {0} image(s) of {1} into {2}", indices.size(), source.fileName(), dest);
            t.write(slots, boot, options, progress);
        }
        rebuildIfAsked(dest, options, progress);
    }

    /**
     * Deletes image {@code index} (0: every image) of {@code wimFile}. With
     * {@link ModifyOptions#softDelete()} the image's metadata and blob entries are dropped in
     * place; otherwise, as wimlib, the WIM is rebuilt without it.
     */
    public static void delete(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        if (options.softDelete() && !options.rebuild()) {
            try (AppendTarget t = AppendTarget.open(wimFile)) {
                if (index != 0) {
                    t.wim.image(index);
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
        try (WimFile wim = WimFile.open(wimFile)) {
            AppendTarget.checkModifiable(wim, wimFile);
            if (index != 0) {
                wim.image(index);
            }
            List<Integer> keep = new ArrayList<>();
            for (WimImageInfo i : wim.images()) {
                if (index != 0 && i.index() != index) {
                    keep.add(i.index());
                }
            }
            rebuild(wim, keep, wimFile, new OptimizeOptions(null, 0, org.fenestra.compress.codecs.Compressors.DEFAULT_LEVEL,
                    false, options.integrity()), progress);
        }
    }

    /**
     * Marks image {@code index} bootable (0: none), in place as the other changes are
     * ({@code wimlib-imagex info --boot}).
     */
    public static void setBootIndex(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            if (index != 0) {
                t.wim.image(index);
            }
            t.write(t.keptImages(), index, options, progress);
        }
    }

    /** Applies {@code commands} to image {@code index} of {@code wimFile} ({@code wimlib-imagex update}). */
    public static void update(Path wimFile, int index, List<UpdateCommand> commands, ModifyOptions options,
            WimProgress progress) throws IOException {
        update(wimFile, index, commands, CaptureConfig.NONE, options, progress);
    }

    /**
     * {@link #update(Path, int, List, ModifyOptions, WimProgress)} whose add commands leave out
     * what {@code config} excludes, matched below each added source (wimlib-imagex's update uses
     * its default Windows exclusions unless {@code --config} names a file).
     */
    public static void update(Path wimFile, int index, List<UpdateCommand> commands, CaptureConfig config,
            ModifyOptions options, WimProgress progress) throws IOException {
        try (AppendTarget t = AppendTarget.open(wimFile)) {
            WimImage img = t.wim.openImage(index);
            TreeDentry root = WimWriter.convert(img, new IdentityHashMap<>(), WimWriter.BlobReading.keeping());
            long now = WimWriter.nowFiletime();
            TreeEditor editor = new TreeEditor(root, now);
            // One scanner for every add, as wimlib: a file added twice (same inode) becomes hard-linked.
            ImageCapture scanner = new ImageCapture(config, t.wim.rawHeader().has(WimHeader.FLAG_RP_FIX),
                    progress);
            for (UpdateCommand c : commands) {
                WimProgress.checkCanceled(progress);
                switch (c) {
                    case UpdateCommand.Add a -> editor.add(scanner.scanBranch(a.source()), a.target(), a.noReplace());
                    case UpdateCommand.Delete d -> editor.delete(d.path(), d.force(), d.recursive());
                    case UpdateCommand.Rename r -> editor.rename(r.from(), r.to());
                }
            }
            List<WimFileWriter.Slot> slots = t.keptImages();
            org.w3c.dom.Element xml = t.wim.image(index).element();
            slots.set(index - 1, new WimFileWriter.Image(root, WimWriter.securityDescriptors(img),
                    (i, stats) -> XmlWriter.updatedImage(xml, i, stats, now)));
            t.write(slots, t.bootIndex(), options, progress);
        }
        rebuildIfAsked(wimFile, options, progress);
    }

    /**
     * Rebuilds {@code wimFile} into a temporary file beside it, dropping holes and unreferenced
     * blobs, and renames it over the original ({@code wimlib-imagex optimize}). Image
     * properties, the GUID, the boot index and the RP_FIX flag are kept.
     */
    public static void optimize(Path wimFile, OptimizeOptions options, WimProgress progress) throws IOException {
        try (WimFile wim = WimFile.open(wimFile)) {
            AppendTarget.checkModifiable(wim, wimFile);
            List<Integer> all = new ArrayList<>();
            for (WimImageInfo i : wim.images()) {
                all.add(i.index());
            }
            rebuild(wim, all, wimFile, options, progress);
        }
    }

    private static void rebuild(WimFile wim, List<Integer> keep, Path wimFile, OptimizeOptions options,
            WimProgress progress) throws IOException {
        if (wim.rawHeader().pipable()) {
            throw new UnsupportedWimException("\"" + wimFile + "\" is a pipable WIM, which is not rebuilt in place yet;"
                    + " export its images into a new WIM (with --pipable to keep it pipable)");
        }
        WriteOptions w = options.writeOptions(wim.writeOptionsKeepingCompression(), wim.rawHeader().hasIntegrityTable())
                .withBoot(keep.contains(wim.bootIndex()));
        LOG.log(Level.DEBUG, "rebuilding {0} with {1} image(s)", wimFile, keep.size());
        WimWriter.writeImages(wim, keep, wimFile, null, null, w, true, progress);
    }

    private static void rebuildIfAsked(Path wimFile, ModifyOptions options, WimProgress progress) throws IOException {
        if (options.rebuild()) {
            optimize(wimFile, new OptimizeOptions(null, 0, org.fenestra.compress.codecs.Compressors.DEFAULT_LEVEL, false,
                    options.integrity()), progress);
        }
    }
}
