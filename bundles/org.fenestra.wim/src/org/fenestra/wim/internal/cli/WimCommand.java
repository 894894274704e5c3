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
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.errors.MissingBlobException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.internal.format.LittleEndian;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.WimProgress;
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

    public WimCommand(PrintStream out, PrintStream err) {
        this(out, err, System.in);
    }

    /** {@code in}: where {@code update} reads its commands. */
    public WimCommand(PrintStream out, PrintStream err, java.io.InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
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
                case "append" -> new ModifyCommands(out, err, in).append(rest);
                case "delete" -> new ModifyCommands(out, err, in).delete(rest);
                case "update" -> new ModifyCommands(out, err, in).update(rest);
                case "optimize" -> new ModifyCommands(out, err, in).optimize(rest);
                case "split" -> SplitJoinCommands.split(rest, out);
                case "join" -> SplitJoinCommands.join(rest);
                default -> {
                    err.print("ERROR: unknown command \"" + args[0] + "\"\n");
                    usage();
                    yield USAGE_ERROR;
                }
            };
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
        err.print("ERROR: " + e.getMessage() + "\n");
        err.print("ERROR: Exiting with error code " + code.value() + ":\n       " + code.description() + ".\n");
        return code.value();
    }

    private void usage() {
        err.print("Usage: fenestra wim info WIMFILE [IMAGE] [--header] [--xml]\n"
                + "       fenestra wim xml WIMFILE\n"
                + "       fenestra wim dir WIMFILE [IMAGE] [--path=PATH] [--detailed] [--one-file-only] [--ref=GLOB]\n"
                + "       fenestra wim verify WIMFILE [--ref=GLOB...] [--nocheck]\n"
                + "       fenestra wim extract WIMFILE IMAGE [PATH...] [--dest-dir=DIR] [--ref=GLOB]"
                + " [--preserve-dir-structure] [--include-invalid-names]\n"
                + "       fenestra wim apply WIMFILE [IMAGE] TARGET [--ref=GLOB] [--include-invalid-names]"
                + " [--rpfix|--norpfix]\n"
                + "       fenestra wim capture SOURCE WIMFILE [NAME [DESCRIPTION]] [--compress=TYPE[:LEVEL]]"
                + " [--chunk-size=N] [--solid] [--solid-compress=TYPE[:LEVEL]] [--solid-chunk-size=N]"
                + " [--flags=EDITIONID] [--boot] [--check] [--config=FILE] [--norpfix]\n"
                + "       fenestra wim append SOURCE WIMFILE [NAME [DESCRIPTION]] [--flags=EDITIONID] [--boot]"
                + " [--check|--nocheck] [--config=FILE] [--norpfix] [--rebuild]\n"
                + "       fenestra wim export SRC_WIMFILE SRC_IMAGE DEST_WIMFILE [DEST_NAME [DEST_DESCRIPTION]]"
                + " [--compress=TYPE[:LEVEL]] [--chunk-size=N] [--solid] [--solid-compress=TYPE[:LEVEL]]"
                + " [--solid-chunk-size=N] [--recompress] [--boot] [--check|--nocheck] [--rebuild]\n"
                + "       fenestra wim delete WIMFILE IMAGE [--check|--nocheck] [--soft]\n"
                + "       fenestra wim update WIMFILE [IMAGE] [--check|--nocheck] [--rebuild] [--command=CMD]"
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

    private int info(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("header", "xml", "blobs", "check", "nocheck"), Set.of());
        if (cl.positionals.isEmpty() || cl.positionals.size() > 2) {
            throw new CommandLine.UsageException(cl.positionals.isEmpty() ? "Must specify a WIM file"
                    : "changing image properties is not supported");
        }
        String path = cl.positionals.get(0);
        try (WimFile wim = WimFile.open(Path.of(path))) {
            int image = cl.positionals.size() == 2 ? wim.resolveImage(cl.positionals.get(1)) : 0;
            boolean shortHeader = !cl.has("header") && !cl.has("xml");
            InfoPrinter p = new InfoPrinter(out);
            if (image == 0 && shortHeader) {
                p.wimInformation(path, wim);
            }
            if (cl.has("header")) {
                p.header(wim);
            }
            if (cl.has("xml")) {
                out.write(wim.xmlBytes());
            }
            if (shortHeader) {
                p.images(wim, image);
            }
        }
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
            report = wim.verify(WimProgress.NONE);
        }
        for (String f : report.filesWithoutIntegrityTable()) {
            err.print("\n[WARNING] \"" + f + "\" does not contain integrity information.  Skipping integrity check.\n");
        }
        for (WimVerifyReport.MissingBlob m : report.missingBlobs()) {
            err.print("\n[ERROR] \"" + m.path() + "\": blob not found\n        SHA-1 message digest of missing blob:\n        "
                    + LittleEndian.hex(m.hash()) + "\n");
        }
        for (WimVerifyReport.BadBlob b : report.badBlobs()) {
            printBadBlob(b);
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

    private void printBadBlob(WimVerifyReport.BadBlob b) {
        if (b.actualHash() == null) {
            err.print("\n[ERROR] A WIM resource could not be read: " + b.error().getMessage() + "\n");
            return;
        }
        err.print("\n[ERROR] A WIM resource is corrupted!\n"
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
        CommandLine cl = CommandLine.parse(args, Set.of("preserve-dir-structure", "include-invalid-names", "no-acls",
                "unix-data", "nullglob"), Set.of("dest-dir", "ref"));
        if (cl.positionals.size() < 2) {
            throw new CommandLine.UsageException("Must specify a WIM file and an image");
        }
        try (WimFile wim = open(cl.positionals.get(0), cl)) {
            int index = selectSingleImage(wim, cl.positionals.get(1));
            WimImage image = wim.openImage(index);
            List<String> paths = cl.positionals.size() > 2 ? cl.positionals.subList(2, cl.positionals.size()) : List.of("/");
            ExtractOptions opts = new ExtractOptions(cl.has("include-invalid-names"), false, true,
                    cl.has("preserve-dir-structure"));
            ExtractReport r = WimExtractor.extract(image, paths, Path.of(cl.option("dest-dir", ".")), opts,
                    WimProgress.NONE);
            printReport(r);
        }
        out.print("Done extracting files.\n");
        return 0;
    }

    private int apply(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("include-invalid-names", "rpfix", "norpfix", "no-acls",
                "unix-data", "check"), Set.of("ref"));
        if (cl.positionals.size() < 2 || cl.positionals.size() > 3) {
            throw new CommandLine.UsageException("Must specify a WIM file, optionally an image, and a target");
        }
        boolean hasImage = cl.positionals.size() == 3;
        Path target = Path.of(cl.positionals.get(hasImage ? 2 : 1));
        ExtractOptions opts = new ExtractOptions(cl.has("include-invalid-names"), !cl.has("norpfix"), true, false);
        try (WimFile wim = open(cl.positionals.get(0), cl)) {
            int index = hasImage ? wim.resolveImage(cl.positionals.get(1)) : selectSingleImage(wim, null);
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
        ExtractReport r = WimExtractor.extract(image, List.of(), target, opts, WimProgress.NONE);
        printReport(r);
        out.print("Done applying WIM image.\n");
    }

    private int capture(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, union(CompressionArguments.FLAGS, "boot", "check", "nocheck", "norpfix",
                "rpfix"), union(CompressionArguments.VALUED, "flags", "config"));
        if (cl.positionals.size() < 2 || cl.positionals.size() > 4) {
            throw new CommandLine.UsageException("Must specify a source directory, a WIM file, and optionally a name"
                    + " and a description");
        }
        Path source = Path.of(cl.positionals.get(0));
        String name = cl.positionals.size() > 2 ? cl.positionals.get(2) : defaultImageName(source);
        String description = cl.positionals.size() > 3 ? cl.positionals.get(3) : null;
        String configFile = cl.option("config", null);
        CaptureConfig config = configFile != null ? CaptureConfig.read(Path.of(configFile)) : CaptureConfig.NONE;
        CompressionArguments ca = new CompressionArguments(cl);
        CompressionType type = ca.compressionOr(CompressionType.LZX);
        WriteOptions opts = options(type, ca.chunkSize() == null ? 0 : ca.chunkSize(), ca.level(type), cl.has("check"),
                cl.has("boot"), false, ca.solidOptions(ca.solid));
        WimWriter.capture(source, Path.of(cl.positionals.get(1)),
                new CaptureOptions(name, description, cl.option("flags", null), !cl.has("norpfix"), config), opts,
                WimProgress.NONE);
        return 0;
    }

    /** wimlib names the image after the last component of the source path. */
    static String defaultImageName(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        return name == null ? "" : name.toString();
    }

    private int export(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, union(CompressionArguments.FLAGS, "boot", "check", "nocheck",
                "recompress", "rebuild"), union(CompressionArguments.VALUED, "ref"));
        CompressionArguments ca = new CompressionArguments(cl);
        if (cl.positionals.size() < 3 || cl.positionals.size() > 5) {
            throw new CommandLine.UsageException("Must specify a source WIM, an image, a destination WIM, and optionally"
                    + " a name and a description");
        }
        Path dest = Path.of(cl.positionals.get(2));
        if (java.nio.file.Files.exists(dest)) {
            return new ModifyCommands(out, err, in).exportInto(cl);
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
            WimWriter.export(wim, indices, dest, name, description, opts, WimProgress.NONE);
        }
        return 0;
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
        for (String w : r.warnings()) {
            err.print("[WARNING] " + w + "\n");
        }
        for (String s : r.skipped()) {
            err.print("[WARNING] " + s + "\n");
        }
    }
}
