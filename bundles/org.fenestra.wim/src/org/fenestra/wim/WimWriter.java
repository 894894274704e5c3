package org.fenestra.wim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.internal.write.ImageExport;
import org.fenestra.wim.internal.write.MultiSourceCapture;
import org.fenestra.wim.internal.write.TreeDentry;
import org.fenestra.wim.internal.write.WimFileWriter;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.CaptureSource;
import org.fenestra.wim.model.WimProgress;
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
    private WimWriter() {
    }

    /** Captures {@code source} into a new one-image WIM at {@code wimFile} (like {@code wimlib-imagex capture}). */
    public static void capture(Path source, Path wimFile, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        WimFileWriter.write(wimFile, ImageExport.captureSettings(capture, options),
                List.of(ImageExport.capturedImage(source, capture, progress)), progress);
    }

    /**
     * Captures several sources into a new one-image WIM at {@code wimFile}, each placed at its
     * target (like {@code wimlib-imagex capture --source-list}); directories from several
     * sources merge, of two files at one path the later source's wins.
     */
    public static void capture(List<CaptureSource> sources, Path wimFile, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        long now = ImageExport.nowFiletime();
        TreeDentry root = MultiSourceCapture.scan(sources, capture.config(), capture.rpfix(), progress, now);
        WimFileWriter.write(wimFile, ImageExport.captureSettings(capture, options),
                List.of(ImageExport.capturedImage(root, now, capture)), progress);
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
        ImageExport.writeImages(source.opened(), indices, dest, destName, destDescription, options, false, progress);
    }
}
