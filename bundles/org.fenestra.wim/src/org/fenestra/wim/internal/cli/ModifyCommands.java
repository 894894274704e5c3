package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fenestra.compress.CompressionType;
import org.fenestra.compress.codecs.Compressors;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;
import org.fenestra.wim.WimUpdater;
import org.fenestra.wim.model.CaptureConfig;
import org.fenestra.wim.model.CaptureOptions;
import org.fenestra.wim.model.ModifyOptions;
import org.fenestra.wim.model.OptimizeOptions;
import org.fenestra.wim.model.SolidOptions;
import org.fenestra.wim.model.UpdateCommand;

/**
 * The commands of {@code wimlib-imagex} that change an existing WIM: append, export into an
 * existing WIM, delete, update, optimize; same arguments, options and exit codes.
 */
final class ModifyCommands {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    private final java.util.Map<String, String> env;

    ModifyCommands(PrintStream out, PrintStream err, InputStream in, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
    }

    static ModifyOptions.Integrity integrity(CommandLine cl) {
        return cl.has("check") ? ModifyOptions.Integrity.ADD
                : cl.has("nocheck") ? ModifyOptions.Integrity.REMOVE : ModifyOptions.Integrity.KEEP;
    }

    int append(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("boot", "check", "nocheck", "norpfix", "rpfix", "rebuild",
                "source-list"), Set.of("flags", "config"));
        if (cl.positionals.size() < 2 || cl.positionals.size() > 4) {
            throw new CommandLine.UsageException("Must specify a source directory, a WIM file, and optionally a name"
                    + " and a description");
        }
        Path source = Path.of(cl.positionals.get(0));
        String name = cl.positionals.size() > 2 ? cl.positionals.get(2) : WimCommand.defaultImageName(source);
        String description = cl.positionals.size() > 3 ? cl.positionals.get(3) : null;
        CaptureConfig config = CaptureConfigs.of(cl, env, err);
        CaptureOptions capture = new CaptureOptions(name, description, cl.option("flags", null), !cl.has("norpfix"),
                config);
        ModifyOptions options = new ModifyOptions(integrity(cl), cl.has("boot"), cl.has("rebuild"), false);
        if (cl.has("source-list")) {
            WimUpdater.append(Path.of(cl.positionals.get(1)), SourceList.read(cl.positionals.get(0), in), capture,
                    options, new ProgressPrinter(out));
        } else {
            WimUpdater.append(Path.of(cl.positionals.get(1)), source, capture, options, new ProgressPrinter(out));
        }
        return 0;
    }

    /** {@code export SRC IMAGE DEST [NAME [DESC]]} with DEST an existing WIM (already parsed by WimCommand). */
    int exportInto(CommandLine cl) throws IOException, CommandLine.UsageException {
        if (cl.option("compress", null) != null || cl.option("chunk-size", null) != null) {
            throw new CommandLine.UsageException("exporting into an existing WIM uses its compression and chunk size;"
                    + " --compress and --chunk-size apply to a new WIM only");
        }
        try (WimFile wim = WimCommand.open(cl.positionals.get(0), cl)) {
            int index = wim.resolveImage(cl.positionals.get(1));
            List<Integer> indices = new ArrayList<>();
            for (WimImageInfo i : wim.images()) {
                if (index == 0 || i.index() == index) {
                    indices.add(i.index());
                }
            }
            String name = cl.positionals.size() > 3 ? cl.positionals.get(3) : null;
            String description = cl.positionals.size() > 4 ? cl.positionals.get(4) : null;
            WimUpdater.exportInto(wim, indices, Path.of(cl.positionals.get(2)), name, description,
                    new ModifyOptions(integrity(cl), cl.has("boot"), cl.has("rebuild"), false), new ProgressPrinter(out));
        }
        return 0;
    }

    /** Sizes as wimlib-imagex optimize prints them: whole KiB, rounded down. */
    private static long kib(long bytes) {
        return bytes >> 10;
    }

    int delete(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("check", "nocheck", "soft", "rebuild"), Set.of());
        if (cl.positionals.size() != 2) {
            throw new CommandLine.UsageException("Must specify a WIM file and an image");
        }
        Path file = Path.of(cl.positionals.get(0));
        int index;
        try (WimFile wim = WimFile.open(file)) {
            index = wim.resolveImage(cl.positionals.get(1));
        }
        WimUpdater.delete(file, index, new ModifyOptions(integrity(cl), false, cl.has("rebuild"), cl.has("soft")),
                new ProgressPrinter(out));
        return 0;
    }

    int update(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("check", "nocheck", "rebuild"), Set.of("command", "config"));
        if (cl.positionals.isEmpty() || cl.positionals.size() > 2) {
            throw new CommandLine.UsageException("Must specify a WIM file and optionally an image");
        }
        Path file = Path.of(cl.positionals.get(0));
        int index;
        try (WimFile wim = WimFile.open(file)) {
            index = WimCommand.selectSingleImage(wim, cl.positionals.size() == 2 ? cl.positionals.get(1) : null);
        }
        List<String> lines = cl.all("command");
        if (lines.isEmpty()) {
            // as wimlib 1.14: UTF-8 (BOM or not) or UTF-16LE (BOM or not); 1.13 on Linux took UTF-8 only
            lines = WimTextFile.decode(in.readAllBytes()).lines().toList();
        }
        List<UpdateCommand> commands = new ArrayList<>();
        for (String line : lines) {
            UpdateCommand c = UpdateCommandParser.parse(line);
            if (c != null) {
                commands.add(c);
            }
        }
        WimUpdater.update(file, index, commands, CaptureConfigs.of(cl, env, err), new ModifyOptions(integrity(cl), false, cl.has("rebuild"), false),
                new ProgressPrinter(out));
        return 0;
    }

    int optimize(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, WimCommand.union(CompressionArguments.FLAGS, "check", "nocheck",
                "recompress"), CompressionArguments.VALUED);
        CompressionArguments ca = new CompressionArguments(cl);
        if (cl.positionals.size() != 1) {
            throw new CommandLine.UsageException("Must specify exactly one WIM file");
        }
        CompressionType type = ca.solid ? ca.compressionOr(null) : ca.compression;
        int chunk = ca.chunkSize() != null ? ca.chunkSize() : 0;
        SolidOptions solid = ca.solidOptions(ca.solid);
        if (chunk != 0 || solid != null) {
            // Validates the combination the way a new WIM's options do.
            WimCommand.options(type == null ? CompressionType.LZX : type, chunk, ca.level(type), false, false, false,
                    solid);
        }
        Path file = Path.of(cl.positionals.get(0));
        long before = java.nio.file.Files.size(file);
        out.print("\"" + file + "\" original size: " + kib(before) + " KiB\n");
        WimUpdater.optimize(file, new OptimizeOptions(type, chunk, type == null ? Compressors.DEFAULT_LEVEL
                : ca.level(type), cl.has("recompress"), integrity(cl), solid), new ProgressPrinter(out));
        long after = java.nio.file.Files.size(file);
        out.print("\"" + file + "\" optimized size: " + kib(after) + " KiB\n");
        out.print("Space saved: " + kib(before - after) + " KiB\n");
        return 0;
    }
}
