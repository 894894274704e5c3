package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one command line both ways, wimlib-imagex as a process and our {@link WimCommand} in
 * process, with the same environment and standard input, for side-by-side tests.
 */
final class CliOracle {
    static final Path WIMLIB = Path.of("/usr/bin/wimlib-imagex");

    /** What a run left: exit code, standard output bytes, standard error text. */
    record Run(int rc, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private CliOracle() {
    }

    static boolean wimlibPresent() {
        return Files.isExecutable(WIMLIB);
    }

    static Run wimlib(Map<String, String> env, byte[] stdin, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(WIMLIB.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(CaptureConfigs.IGNORE_CASE_VARIABLE);
        pb.environment().putAll(env);
        Path errFile = Files.createTempFile("wimlib-err", ".txt");
        try {
            pb.redirectError(errFile.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException closedEarly) {
                // wimlib need not read its standard input
            }
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wimlib-imagex did not finish");
            return new Run(p.exitValue(), out, Files.readString(errFile));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    static Run ours(Map<String, String> env, byte[] stdin, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(stdin), env).run(args.toArray(String[]::new));
        }
        return new Run(rc, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Each path below {@code root} with its kind and content: "d" for a directory, "f" and the
     * bytes in hex for a file, "l" and the exact target for a symbolic link.
     */
    static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<String> lines = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    lines.add(rel + " l " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    lines.add(rel + " d");
                } else {
                    lines.add(rel + " f " + HexFormat.of().formatHex(Files.readAllBytes(p)));
                }
            }
            return lines;
        }
    }
}
