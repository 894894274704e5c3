package org.fenestra.wim.internal.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fenestra.compress.CompressionType;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.WimVerifyReport;
import org.fenestra.wim.WimUpdater;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.errors.BlobHashMismatchException;
import org.fenestra.wim.errors.CorruptBlob;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.WriteOptions;

/**
 * {@code fenestra wim COMMAND ...}: {@code wimlib-imagex}'s commands with the same arguments,
 * options and output: info, xml, dir, verify, extract, apply (reading); capture, export,
 * append, delete, update, optimize (writing and changing WIMs); split, join. Errors go to
 * stderr as {@code ERROR: ...}; the exit code is wimlib's error code for the failure.
 */
public final class WimCommand {
    private static final int USAGE_ERROR = 255; // wimlib-imagex returns -1

    private final PrintStream out;
    private final PrintStream err;
    private final java.io.InputStream in;
    private final java.util.Map<String, String> env;

    public WimCommand(PrintStream out, PrintStream err) {
        this(out, err, System.in);
    }

    /** {@code in}: where {@code update} reads its commands. */
    public WimCommand(PrintStream out, PrintStream err, java.io.InputStream in) {
        this(out, err, in, System.getenv());
    }

    /** {@code env}: the environment variables wimlib-imagex reads ({@code WIMLIB_IMAGEX_IGNORE_CASE}). */
    WimCommand(PrintStream out, PrintStream err, java.io.InputStream in, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        WarningLines.install(err);
        int rc = new WimCommand(out, err).run(args);
        out.flush();
        err.flush();
        System.exit(rc);
    }

    /** Runs one command and returns the exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            usage();
            return USAGE_ERROR;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "info" -> info(rest);
                case "xml" -> xml(rest);
                case "dir" -> dir(rest);
                case "verify" -> verify(rest);
                case "extract" -> extract(rest);
                case "apply" -> apply(rest);
                case "capture" -> capture(rest);
                case "export" -> export(rest);
                case "append" -> appendOrCreate(rest);
                case "delete" -> new ModifyCommands(out, err, in, env).delete(rest);
                case "update" -> new ModifyCommands(out, err, in, env).update(rest);
                case "optimize" -> new ModifyCommands(out, err, in, env).optimize(rest);
                case "split" -> SplitJoinCommands.split(rest, out);
                case "join" -> SplitJoinCommands.join(rest);
                default -> {
                    err.print("ERROR: unknown command \"" + args[0] + "\"\n");
                    usage();
                    yield USAGE_ERROR;
                }
            };
        } catch (CommandFailure e) {
            err.print("ERROR: " + e.getMessage() + "\n");
            return e.exitCode();
        } catch (CommandLine.UsageException e) {
            err.print("ERROR: " + e.getMessage() + "\n");
            usage();
            return USAGE_ERROR;
        } catch (IOException e) {
            return fail(e);
        } finally {
            out.flush();
        }
    }

    private int fail(IOException e) {
        ErrorCodes.Code code = ErrorCodes.of(e);
        if (e instanceof BlobHashMismatchException m && m.blob() != null) {
            printBadBlob("ERROR", m.blob());
            err.print("\n");
        }
        err.print("ERROR: " + e.getMessage() + "\n");
        err.print(ErrorCodes.exitLines(code));
        return code.value();
    }

    private void usage() {
        err.print("Usage: fenestra wim info WIMFILE [IMAGE] [--header] [--xml]\n"
                + "       fenestra wim xml WIMFILE\n"
                + "       fenestra wim dir WIMFILE [IMAGE] [--path=PATH] [--detailed] [--one-file-only] [--ref=GLOB]\n"
                + "       fenestra wim verify WIMFILE [--ref=GLOB...] [--nocheck]\n"
                + "       fenestra wim extract WIMFILE IMAGE [(PATH | @LISTFILE | @-)...] [--dest-dir=DIR] [--ref=GLOB]"
                + " [--recover-data] [--preserve-dir-structure] [--include-invalid-names] [--nullglob]"
                + " [--no-wildcards] [--to-stdout]\n"
                + "       fenestra wim apply WIMFILE|- [IMAGE] TARGET [--ref=GLOB] [--include-invalid-names] [--recover-data]"
                + " [--rpfix|--norpfix]   (-: a pipable WIM on standard input)\n"
                + "       fenestra wim capture SOURCE WIMFILE [NAME [DESCRIPTION]] [--compress=TYPE[:LEVEL]]"
                + " [--chunk-size=N] [--solid] [--solid-compress=TYPE[:LEVEL]] [--solid-chunk-size=N]"
                + " [--flags=EDITIONID] [--boot] [--check] [--config=FILE] [--norpfix] [--source-list] [--pipable]"
                + "   (WIMFILE -: a pipable WIM to standard output)\n"
                + "       fenestra wim append SOURCE WIMFILE [NAME [DESCRIPTION]] [--flags=EDITIONID] [--boot]"
                + " [--check|--nocheck] [--config=FILE] [--norpfix] [--rebuild] [--create] [--source-list]\n"
                + "       fenestra wim export SRC_WIMFILE SRC_IMAGE DEST_WIMFILE [DEST_NAME [DEST_DESCRIPTION]]"
                + " [--compress=TYPE[:LEVEL]] [--chunk-size=N] [--solid] [--solid-compress=TYPE[:LEVEL]]"
                + " [--solid-chunk-size=N] [--recompress] [--boot] [--check|--nocheck] [--rebuild]"
                + " [--pipable|--not-pipable]   (DEST_WIMFILE -: a pipable WIM to standard output)\n"
                + "       fenestra wim delete WIMFILE IMAGE [--check|--nocheck] [--soft]\n"
                + "       fenestra wim update WIMFILE [IMAGE] [--check|--nocheck] [--rebuild] [--command=CMD] [--config=FILE]"
                + " < COMMANDS   (add [--no-replace] SRC DEST, delete [--force] [--recursive] PATH, rename OLD NEW)\n"
                + "       fenestra wim optimize WIMFILE [--check|--nocheck] [--recompress] [--compress=TYPE[:LEVEL]]"
                + " [--chunk-size=N] [--solid] [--solid-compress=TYPE[:LEVEL]] [--solid-chunk-size=N]\n"
                + "       fenestra wim split WIMFILE SWM_NAME PART_SIZE_MiB [--check]\n"
                + "       fenestra wim join [--check] OUT_WIMFILE SPLIT_WIM_PART...\n"
                + "         (TYPE: none, XPRESS, LZX or LZMS; append, export to an existing WIM, update and"
                + " delete --soft\n          change the WIM in place; solid, pipable and split WIMs cannot be"
                + " changed in place)\n"
                + "         (export to a new WIM: without --compress it keeps the source's compression and"
                + " chunk size,\n          and LZMS output of a solid source is solid again)\n");
    }

    static WimFile open(String path, CommandLine cl) throws IOException {
        return WimFile.open(Path.of(path), RefGlobs.expand(cl.all("ref")));
    }

    private int info(List<String> args) throws IOException, CommandLine.UsageException, CommandFailure {
        CommandLine cl = CommandLine.parse(args, Set.of("header", "xml", "blobs", "lookup-table", "check", "nocheck",
                "boot"), Set.of("extract-xml"));
        if (cl.positionals.isEmpty() || cl.positionals.size() > 2) {
            throw new CommandLine.UsageException(cl.positionals.isEmpty() ? "Must specify a WIM file"
                    : "changing image properties is not supported");
        }
        String path = cl.positionals.get(0);
        boolean blobs = cl.has("blobs") || cl.has("lookup-table");
        String xmlFile = cl.option("extract-xml", null);
        try (WimFile wim = WimFile.open(Path.of(path))) {
            String spec = cl.positionals.size() == 2 ? cl.positionals.get(1) : "all";
            if (cl.has("boot")) {
                return markBootable(wim, spec, cl);
            }
            int image = wim.resolveImage(spec);
            boolean shortHeader = !cl.has("header") && !cl.has("xml") && !blobs && xmlFile == null;
            InfoPrinter p = new InfoPrinter(out);
            if (image == 0 && shortHeader) {
                p.wimInformation(path, wim);
            }
            if (cl.has("header")) {
                p.header(wim);
            }
            if (blobs) {
                if (wim.header().totalParts() != 1) {
                    err.print("Warning: Only showing the blobs for part " + wim.header().partNumber() + " of a "
                            + wim.header().totalParts() + "-part WIM.\n");
                }
                BlobListing.print(out, wim.blobTable());
            }
            if (cl.has("xml")) {
                out.write(wim.xmlBytes());
            }
            if (xmlFile != null) {
                java.nio.file.Files.write(Path.of(xmlFile), wim.xmlBytes());
            }
            if (shortHeader) {
                p.images(wim, image);
            }
        }
        return 0;
    }

    /** {@code info --boot}: wimlib-imagex's checks and messages, then the boot index changed in place. */
    private int markBootable(WimFile wim, String spec, CommandLine cl) throws IOException, CommandFailure {
        int image = spec.equals("0") ? 0 : wim.resolveImage(spec);
        if (wim.imageCount() == 0) {
            throw new CommandFailure("--boot is meaningless on a WIM with no images", 18);
        }
        if (!spec.equals("0") && image == 0) {
            if (wim.imageCount() > 1) {
                throw new CommandFailure("Cannot specify the --boot flag without specifying a specific image in a"
                        + " multi-image WIM", 18);
            }
            image = 1;
        }
        Path file = wim.path();
        if (image == wim.bootIndex()) {
            out.print("Image " + image + " is already marked as bootable.\n");
            out.print("The file \"" + cl.positionals.get(0) + "\" was not modified because nothing needed to be done.\n");
            return 0;
        }
        out.print("Marking image " + image + " as bootable.\n");
        wim.close();
        WimUpdater.setBootIndex(file, image, new ModifyOptions(ModifyCommands.integrity(cl), false, false, false),
                new ProgressPrinter(out));
        return 0;
    }

    private int xml(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of(), Set.of());
        if (cl.positionals.size() != 1) {
            throw new CommandLine.UsageException("Must specify exactly one WIM file");
        }
        try (WimFile wim = WimFile.open(Path.of(cl.positionals.get(0)))) {
            out.write(wim.xmlBytes());
        }
        return 0;
    }

    private int dir(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("detailed", "one-file-only"), Set.of("path", "ref"));
        if (cl.positionals.isEmpty() || cl.positionals.size() > 2) {
            throw new CommandLine.UsageException(cl.positionals.isEmpty() ? "Must specify a WIM file" : "Too many arguments");
        }
        try (WimFile wim = open(cl.positionals.get(0), cl)) {
            int index = selectSingleImage(wim, cl.positionals.size() == 2 ? cl.positionals.get(1) : null);
            WimImage image = wim.openImage(index);
            String path = cl.option("path", "/");
            WimEntry start = image.lookup(path);
            if (start == null) {
                throw new PathNotFoundException("Path \"" + path + "\" does not exist in WIM image " + index);
            }
            DirPrinter printer = new DirPrinter(out, cl.has("detailed"));
            if (cl.has("one-file-only")) {
                printer.print(start);
            } else {
                image.walk(start, printer::print);
            }
        }
        return 0;
    }

    /** The image given, or image 1 when none is given and the WIM has exactly one. */
    static int selectSingleImage(WimFile wim, String spec) throws IOException, CommandLine.UsageException {
        if (spec == null) {
            if (wim.imageCount() != 1) {
                throw new CommandLine.UsageException("\"" + wim.fileName() + "\" contains " + wim.imageCount()
                        + " images; Please select one (or all).");
            }
            return 1;
        }
        int index = wim.resolveImage(spec);
        if (index == 0) {
            throw new CommandLine.UsageException("this command needs a single image, not \"" + spec + "\"");
        }
        return index;
    }

    private int verify(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("nocheck"), Set.of("ref"));
        if (cl.positionals.size() != 1) {
            throw new CommandLine.UsageException(cl.positionals.isEmpty() ? "Must specify a WIM file!"
                    : "At most one WIM file can be specified!");
        }
        String path = cl.positionals.get(0);
        WimVerifyReport report;
        try (WimFile wim = open(path, cl)) {
            report = wim.verify(new ProgressPrinter(out));
        }
        for (String f : report.filesWithoutIntegrityTable()) {
            err.print("\n[WARNING] \"" + f + "\" does not contain integrity information.  Skipping integrity check.\n");
        }
        for (WimVerifyReport.MissingBlob m : report.missingBlobs()) {
            err.print("\n[ERROR] \"" + m.path() + "\": blob not found\n        SHA-1 message digest of missing blob:\n        "
                    + LittleEndian.hex(m.hash()) + "\n");
        }
        for (CorruptBlob b : report.badBlobs()) {
            err.print("\n");
            printBadBlob("ERROR", b);
        }
        if (report.ok()) {
            out.print("\n\"" + path + "\" was successfully verified.\n");
            return 0;
        }
        err.print("\nERROR: \"" + path + "\" failed verification!\n");
        try {
            report.throwIfFailed();
        } catch (MissingBlobException e) {
            if (cl.all("ref").isEmpty()) {
                out.print("Note: if this WIM file is not standalone, use the --ref option to specify the other parts.\n");
            }
            return fail(e);
        } catch (IOException e) {
            return fail(e);
        }
        return 0;
    }

    /** {@code level}: ERROR or WARNING, as wimlib prints the block. */
    private void printBadBlob(String level, CorruptBlob b) {
        if (b.actualHash() == null) {
            err.print("[" + level + "] A WIM resource could not be read: " + b.error().getMessage() + "\n");
            return;
        }
        err.print("[" + level + "] A WIM resource is corrupted!\n"
                + "        WIM file: \"" + b.file() + "\"\n"
                + "        Blob uncompressed size: " + b.size() + "\n"
                + "        Resource offset in WIM: " + b.resourceOffset() + "\n"
                + "        Resource uncompressed size: " + b.resourceUncompressedSize() + "\n"
                + "        Resource size in WIM: " + b.resourceSizeInWim() + "\n"
                + "        Resource flags: 0x" + Integer.toHexString(b.resourceFlags()) + "\n"
                + "        Resource compression type: " + b.compression() + "\n"
                + "        Resource compression chunk size: " + b.chunkSize() + "\n"
                + "        Expected SHA-1: " + LittleEndian.hex(b.expectedHash()) + "\n"
                + "        Actual SHA-1: " + LittleEndian.hex(b.actualHash()) + "\n");
    }

    private int extract(List<String> args) throws IOException, CommandLine.UsageException {
        return new ExtractCommand(out, err, in, env, this::printReport).run(args);
    }

    private int apply(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("include-invalid-names", "rpfix", "norpfix", "no-acls",
                "unix-data", "check", "recover-data"), Set.of("ref"));
        if (cl.positionals.size() < 2 || cl.positionals.size() > 3) {
            throw new CommandLine.UsageException("Must specify a WIM file, optionally an image, and a target");
        }
        boolean hasImage = cl.positionals.size() == 3;
        Path target = Path.of(cl.positionals.get(hasImage ? 2 : 1));
        ExtractOptions opts = new ExtractOptions(cl.has("include-invalid-names"), !cl.has("norpfix"), true, false,
                cl.has("recover-data"));
        boolean fromPipe = cl.positionals.get(0).equals(PipableCommands.STDIO);
        try (WimFile wim = fromPipe ? PipableCommands.readStandardInput(in) : open(cl.positionals.get(0), cl)) {
            int index = fromPipe ? PipableCommands.imageToApply(wim, hasImage ? cl.positionals.get(1) : null)
                    : hasImage ? wim.resolveImage(cl.positionals.get(1)) : selectSingleImage(wim, null);
            if (index == 0) {
                for (WimImageInfo info : wim.images()) {
                    String name = info.name() == null || info.name().isEmpty() ? String.valueOf(info.index()) : info.name();
                    applyOne(wim, info.index(), target.resolve(name), opts);
                }
            } else {
                applyOne(wim, index, target, opts);
            }
        }
        return 0;
    }

    private void applyOne(WimFile wim, int index, Path target, ExtractOptions opts) throws IOException {
        WimImage image = wim.openImage(index);
        out.print("Applying image " + index + " (\"" + image.info().name() + "\") from \""
                + (wim.path() == null ? "(null)" : wim.path().toAbsolutePath().normalize()) // (null): a pipe, as wimlib
                + "\" to directory \"" + target + "\"\n");
        ExtractReport r = WimExtractor.extract(image, List.of(), target, opts, new ProgressPrinter(out));
        printReport(r);
        out.print("Done applying WIM image.\n");
    }

    /** {@code append}; with {@code --create}, a WIM that does not exist yet is captured instead (wimlib 1.13). */
    private int appendOrCreate(List<String> args) throws IOException, CommandLine.UsageException {
        List<String> rest = args.stream().filter(a -> !a.equals("--create")).toList();
        if (rest.size() < args.size()) {
            CommandLine cl = CommandLine.parse(rest, union(CompressionArguments.FLAGS, "boot", "check", "nocheck",
                    "norpfix", "rpfix", "rebuild", "source-list"), union(CompressionArguments.VALUED, "flags", "config"));
            if (cl.positionals.size() >= 2 && !java.nio.file.Files.exists(Path.of(cl.positionals.get(1)))) {
                return capture(rest.stream().filter(a -> !a.equals("--rebuild")).toList());
            }
        }
        return new ModifyCommands(out, err, in, env).append(rest);
    }

    private int capture(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, union(CompressionArguments.FLAGS, "boot", "check", "nocheck", "norpfix",
                "rpfix", "source-list", "pipable", "not-pipable"), union(CompressionArguments.VALUED, "flags", "config"));
        if (cl.positionals.size() < 2 || cl.positionals.size() > 4) {
            throw new CommandLine.UsageException("Must specify a source directory, a WIM file, and optionally a name"
                    + " and a description");
        }
        Path source = Path.of(cl.positionals.get(0));
        String name = cl.positionals.size() > 2 ? cl.positionals.get(2) : defaultImageName(source);
        String description = cl.positionals.size() > 3 ? cl.positionals.get(3) : null;
        CaptureConfig config = CaptureConfigs.of(cl, env, err);
        CompressionArguments ca = new CompressionArguments(cl);
        CompressionType type = ca.compressionOr(CompressionType.LZX);
        WriteOptions opts = options(type, ca.chunkSize() == null ? 0 : ca.chunkSize(), ca.level(type), cl.has("check"),
                cl.has("boot"), false, ca.solidOptions(ca.solid));
        CaptureOptions capture = new CaptureOptions(name, description, cl.option("flags", null), !cl.has("norpfix"),
                config);
        String wimFile = cl.positionals.get(1);
        boolean pipable = PipableCommands.pipable(cl, wimFile);
        if (cl.has("source-list")) {
            if (pipable) {
                throw new CommandLine.UsageException("--source-list cannot be combined with a pipable WIM yet");
            }
            WimWriter.capture(SourceList.read(cl.positionals.get(0), in), Path.of(wimFile), capture, opts,
                    new ProgressPrinter(out));
            return 0;
        }
        if (pipable) {
            return new PipableCommands(out, err).capture(source, wimFile, capture, opts);
        }
        WimWriter.capture(source, Path.of(wimFile), capture, opts, new ProgressPrinter(out));
        return 0;
    }

    /** wimlib names the image after the last component of the source path. */
    static String defaultImageName(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        return name == null ? "" : name.toString();
    }

    private int export(List<String> args) throws IOException, CommandLine.UsageException, CommandFailure {
        CommandLine cl = CommandLine.parse(args, union(CompressionArguments.FLAGS, "boot", "check", "nocheck",
                "recompress", "rebuild", "pipable", "not-pipable"), union(CompressionArguments.VALUED, "ref"));
        CompressionArguments ca = new CompressionArguments(cl);
        if (cl.positionals.size() < 3 || cl.positionals.size() > 5) {
            throw new CommandLine.UsageException("Must specify a source WIM, an image, a destination WIM, and optionally"
                    + " a name and a description");
        }
        String destFile = cl.positionals.get(2);
        Path dest = Path.of(destFile);
        checkBootableExport(cl);
        if (!destFile.equals(PipableCommands.STDIO) && java.nio.file.Files.exists(dest)) {
            PipableCommands.refuseRebuildAsPipable(cl, destFile);
            return new ModifyCommands(out, err, in, env).exportInto(cl);
        }
        try (WimFile wim = open(cl.positionals.get(0), cl)) {
            int index = wim.resolveImage(cl.positionals.get(1));
            List<Integer> indices = new java.util.ArrayList<>();
            if (index == 0) {
                for (WimImageInfo i : wim.images()) {
                    indices.add(i.index());
                }
            } else {
                indices.add(index);
            }
            CompressionType srcType = wim.header().compression();
            int srcChunk = wim.header().chunkSize();
            CompressionType type = ca.compressionOr(srcType);
            int chunk = ca.chunkSize() != null ? ca.chunkSize() : type == srcType ? srcChunk : 0;
            // as wimlib: LZMS output of blobs that lie in solid resources is solid again
            boolean solid = ca.solid || type == CompressionType.LZMS && wim.hasSolidResources();
            WriteOptions opts = options(type, chunk, ca.level(type), cl.has("check"), cl.has("boot"),
                    cl.has("recompress"), ca.solidOptions(solid));
            String name = cl.positionals.size() > 3 ? cl.positionals.get(3) : null;
            String description = cl.positionals.size() > 4 ? cl.positionals.get(4) : null;
            if (PipableCommands.pipable(cl, destFile)) {
                return new PipableCommands(out, err).export(wim, indices, destFile, name, description, opts);
            }
            WimWriter.export(wim, indices, dest, name, description, opts, new ProgressPrinter(out));
        }
        return 0;
    }

    /** wimlib-imagex refuses {@code export all --boot} from a WIM without a bootable image. */
    private void checkBootableExport(CommandLine cl) throws IOException, CommandFailure {
        if (!cl.has("boot")) {
            return;
        }
        try (WimFile wim = open(cl.positionals.get(0), cl)) {
            if (wim.resolveImage(cl.positionals.get(1)) == 0 && wim.bootIndex() == 0) {
                throw new CommandFailure("--boot specified for all-images export, but source WIM has no bootable image.",
                        255);
            }
        }
    }

    static WriteOptions options(CompressionType type, int chunk, int level, boolean check, boolean boot,
            boolean recompress, SolidOptions solid) throws CommandLine.UsageException {
        try {
            return new WriteOptions(type, chunk, level, check, boot, recompress, solid);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    static Set<String> union(Set<String> base, String... more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }

    private void printReport(ExtractReport r) {
        for (ExtractReport.Damaged d : r.damaged()) {
            if (d.error() instanceof BlobHashMismatchException m && m.blob() != null) {
                printBadBlob("WARNING", m.blob());
            } else {
                err.print("[WARNING] " + d.error().getMessage() + "\n");
            }
            err.print("\n[WARNING] Corruption in \"" + d.path()
                    + "\"!  Extracting anyway since data recovery mode is enabled.\n");
        }
        for (String w : r.warnings()) {
            err.print("[WARNING] " + w + "\n");
        }
        for (String s : r.skipped()) {
            err.print("[WARNING] " + s + "\n");
        }
    }
}
