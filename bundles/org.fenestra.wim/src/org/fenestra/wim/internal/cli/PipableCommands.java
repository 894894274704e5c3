package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.PipableWriter;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.InvalidImageException;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WriteOptions;

/**
 * The pipable-WIM side of {@code capture} and {@code export} ({@code --pipable}, and "-" for
 * standard output, as wimlib-imagex), with wimlib's messages and exit codes.
 */
final class PipableCommands {
    /** The WIM file name meaning standard output (writing) or standard input (applying). */
    static final String STDIO = "-";
    private static final int INVALID_PARAM = 24;

    private final PrintStream out;
    private final PrintStream err;

    PipableCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The pipable WIM on standard input ({@code apply -}). */
    static WimFile readStandardInput(java.io.InputStream in) throws IOException {
        return WimFile.readFromPipe(in, "standard input");
    }

    /** The one image {@code apply -} applies, with wimlib's refusals (exit code 18). */
    static int imageToApply(WimFile wim, String spec) throws IOException {
        if (spec == null) {
            if (wim.imageCount() != 1) {
                throw new InvalidImageException(
                        "No image was specified, but the pipable WIM did not contain exactly 1 image");
            }
            return 1;
        }
        int index;
        try {
            index = wim.resolveImage(spec);
        } catch (InvalidImageException e) {
            throw new InvalidImageException("\"" + spec + "\" is not a valid image in the pipable WIM!");
        }
        if (index == 0) {
            throw new InvalidImageException("Applying all images from a pipe is not supported!");
        }
        return index;
    }

    /** Whether the WIM is written pipable: {@code --pipable}, or "-" (which implies it). */
    static boolean pipable(CommandLine cl, String wimFile) throws CommandLine.UsageException {
        if (cl.has("pipable") && cl.has("not-pipable")) {
            throw new CommandLine.UsageException("--pipable and --not-pipable cannot be given together");
        }
        return !cl.has("not-pipable") && (cl.has("pipable") || wimFile.equals(STDIO));
    }

    /**
     * wimlib rebuilds an existing WIM as pipable when exporting into it with {@code --pipable};
     * we change existing WIMs only in place, so we refuse rather than ignore the option.
     */
    static void refuseRebuildAsPipable(CommandLine cl, String destFile) throws IOException {
        if (cl.has("pipable")) {
            throw new org.fenestra.wim.errors.UnsupportedWimException("\"" + destFile
                    + "\" exists: exporting into an existing WIM with --pipable (rebuilding it as pipable) is not"
                    + " supported; export to a new file");
        }
    }

    int capture(Path source, String wimFile, CaptureOptions capture, WriteOptions options) throws IOException {
        Integer refused = refuse(wimFile, options);
        if (refused != null) {
            return refused;
        }
        if (wimFile.equals(STDIO)) {
            PipableWriter.capture(source, out, capture, options, progress(wimFile));
        } else {
            PipableWriter.capture(source, Path.of(wimFile), capture, options, progress(wimFile));
        }
        return 0;
    }

    int export(WimFile wim, List<Integer> indices, String destFile, String name, String description,
            WriteOptions options) throws IOException {
        Integer refused = refuse(destFile, options);
        if (refused != null) {
            return refused;
        }
        if (destFile.equals(STDIO)) {
            PipableWriter.export(wim, indices, out, name, description, options, progress(destFile));
        } else {
            PipableWriter.export(wim, indices, Path.of(destFile), name, description, options, progress(destFile));
        }
        return 0;
    }

    /** Progress goes to standard error when standard output carries the WIM (as wimlib-imagex does). */
    private WimProgress progress(String wimFile) {
        return new ProgressPrinter(wimFile.equals(STDIO) ? err : out);
    }

    /** wimlib's refusals (before anything is written), or null; also its warning about the format. */
    private Integer refuse(String wimFile, WriteOptions options) {
        String error = null;
        if (options.solid() != null) {
            error = "Solid compression is unsupported in pipable WIMs";
        } else if (options.integrity() && wimFile.equals(STDIO)) {
            error = "Can't include integrity check when writing pipable WIM to pipe!";
        }
        if (error != null) {
            err.print("[ERROR] " + error + "\nERROR: Exiting with error code " + INVALID_PARAM
                    + ":\n       An invalid parameter was given.\n");
            return INVALID_PARAM;
        }
        err.print("[WARNING] Creating a pipable WIM, which will be incompatible\n"
                + "          with Microsoft's software (WIMGAPI/ImageX/DISM).\n");
        return null;
    }
}
