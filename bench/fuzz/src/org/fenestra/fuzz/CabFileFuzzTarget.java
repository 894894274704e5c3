package org.fenestra.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.CabProgress;
import org.fenestra.cab.Cabinet;
import org.fenestra.cab.ExtractReport;

/**
 * Jazzer target: the cabinet reader on a hostile file, through its public API: open (header,
 * folders, files), every entry's data as a stream (its length checked against the entry's
 * size), a look-up by name, then extraction of everything into a scratch folder (names checked,
 * folders decoded in parallel, temporary files renamed). Only {@link IOException}s are allowed;
 * see {@link ExpectedFailures}. Nothing may be written outside the scratch folder.
 */
public final class CabFileFuzzTarget {
    /** Entries streamed one by one (each decodes its folder from the start): a bound on the work. */
    private static final int MAX_STREAMED_ENTRIES = 8;
    private static final Path WORK = createWorkFolder();
    private static final Path FILE = WORK.resolve("input.cab");
    private static final Path TARGET = WORK.resolve("out");

    private CabFileFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        Files.write(FILE, data, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        deleteTree(TARGET);
        try (Cabinet cab = Cabinet.open(FILE)) {
            readEverything(cab);
        } catch (IOException e) {
            ExpectedFailures.check(e);
        }
        try (Stream<Path> s = Files.list(WORK)) {
            List<Path> left = s.filter(p -> !p.equals(FILE) && !p.equals(TARGET)).toList();
            if (!left.isEmpty()) {
                throw new ContractViolation("extraction wrote outside its target: " + left);
            }
        }
    }

    private static void readEverything(Cabinet cab) throws IOException {
        List<CabEntry> entries = cab.entries();
        for (CabEntry e : entries.subList(0, Math.min(entries.size(), MAX_STREAMED_ENTRIES))) {
            e.path();
            try (InputStream in = cab.openEntry(e)) {
                long n = in.transferTo(OutputStreamSink.INSTANCE);
                if (n != e.size()) {
                    throw new ContractViolation("entry of " + e.size() + " bytes streamed " + n + " bytes");
                }
            } catch (IOException ex) {
                ExpectedFailures.check(ex); // a bad folder must not hide bugs in the next one
            }
        }
        if (!entries.isEmpty()) {
            try {
                cab.readEntry(entries.get(0).name().toUpperCase(java.util.Locale.ROOT), 1 << 20);
            } catch (IOException ex) {
                ExpectedFailures.check(ex);
            }
        }
        ExtractReport report = cab.extractAll(TARGET, CabProgress.NONE);
        if (report.files() != entries.size()) {
            throw new ContractViolation("extracted " + report.files() + " of " + entries.size() + " entries");
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static Path createWorkFolder() {
        try {
            Path d = Files.createTempDirectory("fenestra-fuzz-cab-");
            d.toFile().deleteOnExit();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
