package org.fenestra.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.internal.write.ImageCapture;
import org.fenestra.wim.internal.write.MultiSourceCapture;
import org.fenestra.wim.internal.write.WimModifier;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.CaptureSource;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.OptimizeOptions;
import org.fenestra.wim.model.UpdateCommand;
import org.fenestra.wim.model.WimProgress;

/**
 * Changes existing WIM files, as {@code wimlib-imagex append}, {@code export} (to an existing
 * WIM), {@code delete}, {@code update} and {@code optimize} do.
 *
 * <p>Append, export, update and a soft delete work in place:
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
    private WimUpdater() {
    }

    /** Captures {@code source} as a new last image of {@code wimFile} ({@code wimlib-imagex append}). */
    public static void append(Path wimFile, Path source, CaptureOptions capture, ModifyOptions options,
            WimProgress progress) throws IOException {
        WimModifier.append(wimFile, now -> new ImageCapture(capture.config(), capture.rpfix(), progress).scan(source),
                capture, options, progress);
    }

    /**
     * Captures several sources, each at its target, as a new last image of {@code wimFile}
     * ({@code wimlib-imagex append --source-list}); overlays as {@link WimWriter#capture(List, Path,
     * CaptureOptions, org.fenestra.wim.model.WriteOptions, WimProgress)}.
     */
    public static void append(Path wimFile, List<CaptureSource> sources, CaptureOptions capture, ModifyOptions options,
            WimProgress progress) throws IOException {
        WimModifier.append(wimFile, now -> MultiSourceCapture.scan(sources, capture.config(), capture.rpfix(), progress,
                now), capture, options, progress);
    }

    /**
     * Exports images {@code indices} of {@code source} into the existing WIM {@code dest}
     * ({@code wimlib-imagex export} to an existing file): blobs {@code dest} already holds are
     * shared, compressed blobs are copied as they are when compression and chunk size match
     * {@code dest}'s. {@code destName}/{@code destDescription} rename a single exported image.
     */
    public static void exportInto(WimFile source, List<Integer> indices, Path dest, String destName,
            String destDescription, ModifyOptions options, WimProgress progress) throws IOException {
        WimModifier.exportInto(source.opened(), indices, dest, destName, destDescription, options, progress);
    }

    /**
     * Deletes image {@code index} (0: every image) of {@code wimFile}. With
     * {@link ModifyOptions#softDelete()} the image's metadata and blob entries are dropped in
     * place; otherwise, as wimlib, the WIM is rebuilt without it.
     */
    public static void delete(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        WimModifier.delete(wimFile, index, options, progress);
    }

    /**
     * Marks image {@code index} bootable (0: none), in place as the other changes are
     * ({@code wimlib-imagex info --boot}).
     */
    public static void setBootIndex(Path wimFile, int index, ModifyOptions options, WimProgress progress)
            throws IOException {
        WimModifier.setBootIndex(wimFile, index, options, progress);
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
        WimModifier.update(wimFile, index, commands, config, options, progress);
    }

    /**
     * Rebuilds {@code wimFile} into a temporary file beside it, dropping holes and unreferenced
     * blobs, and renames it over the original ({@code wimlib-imagex optimize}). Image
     * properties, the GUID, the boot index and the RP_FIX flag are kept.
     */
    public static void optimize(Path wimFile, OptimizeOptions options, WimProgress progress) throws IOException {
        WimModifier.optimize(wimFile, options, progress);
    }
}
