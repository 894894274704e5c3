package org.fenestra.wim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.internal.write.ImageExport;
import org.fenestra.wim.internal.write.PipableOutput;
import org.fenestra.wim.internal.write.PipableWimWriter;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;

/**
 * Writes pipable WIMs, wimlib's variant of the format that can be written to and applied from
 * a pipe ({@code wimlib-imagex capture --pipable}, {@code export --pipable}, and "-" as the
 * WIM file for standard output). Pipable WIMs cannot hold solid resources, and an integrity
 * table only when written to a file. A file is written under a temporary name and renamed into
 * place when complete; a stream is written front to back and flushed, not closed.
 *
 * @since 0.2
 */
public final class PipableWriter {
    private PipableWriter() {
    }

    /** Captures {@code source} into a new one-image pipable WIM at {@code wimFile}. */
    public static void capture(Path source, Path wimFile, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        try (PipableOutput out = PipableOutput.toFile(wimFile)) {
            capture(source, out, capture, options, progress);
        }
    }

    /** Captures {@code source} as a one-image pipable WIM written to {@code out}. */
    public static void capture(Path source, OutputStream out, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        try (PipableOutput o = PipableOutput.toStream(out)) {
            capture(source, o, capture, options, progress);
        }
    }

    private static void capture(Path source, PipableOutput out, CaptureOptions capture, WriteOptions options,
            WimProgress progress) throws IOException {
        PipableWimWriter.write(out, ImageExport.captureSettings(capture, options),
                List.of(ImageExport.capturedImage(source, capture, progress)), progress);
    }

    /** Writes images {@code indices} of {@code source} into a new pipable WIM at {@code dest} (see {@link WimWriter#export}). */
    public static void export(WimFile source, List<Integer> indices, Path dest, String destName,
            String destDescription, WriteOptions options, WimProgress progress) throws IOException {
        if (Files.exists(dest) && Files.isSameFile(dest, source.path())) {
            throw new IOException("cannot export into the source WIM itself; append is a separate operation");
        }
        try (PipableOutput out = PipableOutput.toFile(dest)) {
            export(source, indices, out, destName, destDescription, options, progress);
        }
    }

    /** Writes images {@code indices} of {@code source} as a pipable WIM to {@code out}. */
    public static void export(WimFile source, List<Integer> indices, OutputStream out, String destName,
            String destDescription, WriteOptions options, WimProgress progress) throws IOException {
        try (PipableOutput o = PipableOutput.toStream(out)) {
            export(source, indices, o, destName, destDescription, options, progress);
        }
    }

    private static void export(WimFile source, List<Integer> indices, PipableOutput out, String destName,
            String destDescription, WriteOptions options, WimProgress progress) throws IOException {
        ImageExport.Exported e = ImageExport.exportedImages(source.opened(), indices, destName, destDescription,
                options.withSolid(null));
        PipableWimWriter.write(out, e.settings(), e.images(), progress);
    }
}
