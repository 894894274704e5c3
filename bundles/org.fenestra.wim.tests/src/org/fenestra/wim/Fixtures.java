package org.fenestra.wim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.wim.internal.cli.WimCommand;

/** The fixture WIMs in {@code data/} (copied from the shared fixture set) and wimlib's results for them. */
public final class Fixtures {
    public static final Path DATA = Path.of("data");
    public static final Path EXPECTED = DATA.resolve("expected");

    /** Valid fixtures (relative to data/). */
    public static final List<String> VALID = List.of("none.wim", "xpress.wim", "lzx.wim", "lzms.wim", "solid.esd",
            "solid-lzx.esd", "lzx-chunk1m.wim", "integrity.wim", "multi.wim", "updated.wim", "empty-image.wim",
            "unix-data.wim", "pipable.wim", "split.swm");

    public static final List<String> CORRUPT = List.of("corrupt/truncated-half.wim", "corrupt/truncated-header.wim",
            "corrupt/bad-magic.wim", "corrupt/bitflip-resource.wim", "corrupt/bitflip-resource-integrity.wim",
            "corrupt/split-part1-only.swm");

    /** Fixtures whose {@code apply} must reproduce the basic tree. */
    public static final List<String> BASIC = List.of("none.wim", "xpress.wim", "lzx.wim", "lzms.wim", "solid.esd",
            "solid-lzx.esd", "lzx-chunk1m.wim", "integrity.wim", "unix-data.wim", "pipable.wim");

    private Fixtures() {
    }

    public static Path path(String fixture) {
        return DATA.resolve(fixture);
    }

    /** Name of the expected-output file prefix: slashes become underscores. */
    public static String expectedName(String fixture) {
        return fixture.replace('/', '_');
    }

    public static String expected(String file) throws IOException {
        return Files.readString(EXPECTED.resolve(file), StandardCharsets.UTF_8);
    }

    /** The {@code rc=} line of an expected info/verify file. */
    public static int expectedRc(String file) throws IOException {
        Matcher m = Pattern.compile("(?m)^rc=(\\d+)$").matcher(expected(file));
        if (!m.find()) {
            throw new IllegalStateException("no rc= in " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Result of running the CLI in-process. */
    public record Run(int rc, byte[] stdout, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code fenestra wim ARGS} with the working directory's data/ folder as cwd for paths. */
    public static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e).run(args);
        }
        return new Run(rc, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
}
