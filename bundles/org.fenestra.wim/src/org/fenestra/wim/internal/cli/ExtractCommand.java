package org.fenestra.wim.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fenestra.wim.BlobDataSink;
import org.fenestra.wim.WimBlob;
import org.fenestra.wim.WimEntry;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImage;
import org.fenestra.wim.errors.NotARegularFileException;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.extract.WimExtractor;
import org.fenestra.wim.model.ExtractOptions;
import org.fenestra.wim.model.ExtractReport;
import org.fenestra.wim.model.WimProgress;

/**
 * {@code extract WIMFILE IMAGE [(PATH | @LISTFILE)...]} as wimlib-imagex does it: the paths are
 * wildcard patterns unless {@code --no-wildcards}; a pattern that matches nothing fails (exit
 * 49) unless {@code --nullglob}; {@code @LISTFILE} (or {@code @-}, standard input) names a file
 * of paths, one a line, whose files keep their directory structure; {@code --to-stdout} writes
 * the data of the named regular files to standard output and nothing else.
 */
final class ExtractCommand {
    private static final String DIR_NOTE = "Note: You can use `wimlib-imagex dir' to see what files and directories\n"
            + "      are in the WIM image.\n";
    private static final String NULLGLOB_NOTE = "Note: You can use the '--nullglob' option to ignore missing files.\n";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Consumer<ExtractReport> reportPrinter;

    /** {@code reportPrinter}: prints the warnings of each extraction. */
    ExtractCommand(PrintStream out, PrintStream err, InputStream in, Map<String, String> env,
            Consumer<ExtractReport> reportPrinter) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.reportPrinter = reportPrinter;
    }

    /** One extraction: paths given together, with or without their directory structure. */
    private record Group(List<String> patterns, boolean preserveDirs, boolean wildcards) {
    }

    int run(List<String> args) throws IOException, CommandLine.UsageException {
        CommandLine cl = CommandLine.parse(args, Set.of("preserve-dir-structure", "include-invalid-names", "no-acls",
                "strict-acls", "no-attributes", "unix-data", "nullglob", "no-wildcards", "no-globs", "to-stdout",
                "recover-data", "check"), Set.of("dest-dir", "ref"));
        if (cl.positionals.size() < 2) {
            throw new CommandLine.UsageException("Must specify a WIM file and an image");
        }
        boolean wildcards = !cl.has("no-wildcards") && !cl.has("no-globs");
        boolean strict = !cl.has("nullglob");
        if (!wildcards && !strict) {
            err.print("ERROR: Can't combine --no-globs and --nullglob!\n");
            return 255;
        }
        boolean toStdout = cl.has("to-stdout");
        boolean ignoreCase = CaptureConfigs.ignoreCase(env, err);
        try (WimFile wim = WimCommand.open(cl.positionals.get(0), cl)) {
            int index = WimCommand.selectSingleImage(wim, cl.positionals.get(1));
            WimImage image = wim.openImage(index);
            Path dest = Path.of(cl.option("dest-dir", "."));
            for (Group g : groups(cl.positionals.subList(2, cl.positionals.size()), cl.has("preserve-dir-structure"),
                    wildcards, toStdout)) {
                if (!g.preserveDirs()) {
                    Files.createDirectories(dest); // as wimlib, before looking for the paths
                }
                List<WimEntry> trees = new ArrayList<>();
                for (String p : g.patterns()) {
                    List<WimEntry> matched = new WimPathPattern(p, g.wildcards(), ignoreCase).expand(image.root());
                    if (matched.isEmpty() && !g.wildcards()) {
                        return pathMissing("Path \"" + p + "\" does not exist in WIM image " + index, false);
                    }
                    if (matched.isEmpty() && strict) {
                        return pathMissing("No matches for path pattern \"" + p + "\"", true);
                    }
                    if (matched.isEmpty()) {
                        err.print("\r[WARNING] No matches for path pattern \"" + p + "\"\n");
                    }
                    trees.addAll(matched);
                }
                if (toStdout) {
                    for (WimEntry e : trees) {
                        writeData(image, e);
                    }
                } else if (!trees.isEmpty()) {
                    ExtractOptions opts = new ExtractOptions(cl.has("include-invalid-names"), false, true,
                            g.preserveDirs(), cl.has("recover-data"));
                    reportPrinter.accept(WimExtractor.extract(image, outermost(trees),
                            dest, opts, new ProgressPrinter(out)));
                }
            }
        } catch (ListFileException e) {
            String reason = e.cause instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e.cause instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.cause.getMessage();
            err.print("\r[ERROR] Can't open \"" + e.file + "\": " + reason + "\n");
            err.print("\r[ERROR] Failed to read path list file \"" + e.file + "\"\n");
            ErrorCodes.Code code = ErrorCodes.of(new java.nio.file.NoSuchFileException(e.file));
            err.print(ErrorCodes.exitLines(code));
            return code.value();
        } catch (NotARegularFileException e) {
            err.print("\r[ERROR] " + e.getMessage() + "\n");
            err.print(ErrorCodes.exitLines(ErrorCodes.of(e)));
            return ErrorCodes.of(e).value();
        }
        if (!toStdout) {
            out.print("Done extracting files.\n");
        }
        return 0;
    }

    /**
     * The extractions, in order: each run of paths one, each list file one (its paths always
     * keep their directory structure, as wimlib's), the whole image (no wildcards) when no
     * path is given.
     */
    private List<Group> groups(List<String> args, boolean preserveDirs, boolean wildcards, boolean toStdout)
            throws IOException, ListFileException {
        List<Group> groups = new ArrayList<>();
        if (args.isEmpty()) {
            groups.add(new Group(List.of("/"), preserveDirs, false));
            return groups;
        }
        List<String> run = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("@")) {
                run.add(a);
                continue;
            }
            if (!run.isEmpty()) {
                groups.add(new Group(List.copyOf(run), preserveDirs, wildcards));
                run.clear();
            }
            groups.add(new Group(readList(a.substring(1), toStdout), true, wildcards));
        }
        if (!run.isEmpty()) {
            groups.add(new Group(List.copyOf(run), preserveDirs, wildcards));
        }
        return groups;
    }

    private List<String> readList(String file, boolean toStdout) throws IOException, ListFileException {
        if (file.equals("-")) {
            if (!toStdout) {
                out.print("Reading pathlist file from standard input...\n");
            }
            return WimTextFile.lines(in.readAllBytes(), true);
        }
        try {
            return WimTextFile.lines(Files.readAllBytes(Path.of(file)), true);
        } catch (IOException e) {
            throw new ListFileException(file, e);
        }
    }

    /** A list file that could not be read; wimlib names the file twice. */
    private static final class ListFileException extends Exception {
        private static final long serialVersionUID = 1L;
        final String file;
        final IOException cause;

        ListFileException(String file, IOException cause) {
            super(cause);
            this.file = file;
            this.cause = cause;
        }
    }

    /** The full paths of {@code trees} without repeats and without trees inside another of them (as wimlib). */
    private static List<String> outermost(List<WimEntry> trees) {
        Map<String, WimEntry> distinct = new LinkedHashMap<>();
        for (WimEntry e : trees) {
            distinct.putIfAbsent(e.fullPath(), e);
        }
        List<String> paths = new ArrayList<>();
        for (String p : distinct.keySet()) {
            boolean inside = false;
            for (String q : distinct.keySet()) {
                if (!q.equals(p) && (q.equals("/") || p.startsWith(q + "/"))) {
                    inside = true;
                }
            }
            if (!inside) {
                paths.add(p);
            }
        }
        return paths;
    }

    private int pathMissing(String message, boolean globbing) {
        err.print("\r[ERROR] " + message + "\n");
        if (globbing) {
            err.print(NULLGLOB_NOTE);
        }
        err.print(DIR_NOTE);
        ErrorCodes.Code code = ErrorCodes.of(new PathNotFoundException(message));
        err.print(ErrorCodes.exitLines(code));
        return code.value();
    }

    /** Writes the data of regular file {@code e} to standard output. */
    private void writeData(WimImage image, WimEntry e) throws IOException {
        int notRegular = WimEntry.FILE_ATTRIBUTE_DIRECTORY | WimEntry.FILE_ATTRIBUTE_REPARSE_POINT
                | WimEntry.FILE_ATTRIBUTE_ENCRYPTED;
        if ((e.attributes() & notRegular) != 0) {
            throw new NotARegularFileException("\"" + e.fullPath()
                    + "\" is not a regular file and therefore cannot be extracted to standard output");
        }
        WimBlob blob = image.blobOf(e.mainStream(), e.fullPath());
        if (blob == null) {
            return;
        }
        image.readBlobs(List.of(blob), new BlobDataSink() {
            @Override
            public void begin(WimBlob b) {
            }

            @Override
            public void data(WimBlob b, byte[] bytes, int off, int len) {
                out.write(bytes, off, len);
            }

            @Override
            public void end(WimBlob b) {
            }
        }, WimProgress.NONE);
        out.flush();
    }
}
