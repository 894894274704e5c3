package org.fenestra.wim.internal.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command of wimlib-imagex (the oracle) and the same command of ours, each with a given environment. */
final class SideBySide {
    static final Path WIMLIB = Path.of("/usr/bin/wimlib-imagex");

    /** Exit code, standard output and standard error of one run. */
    record Result(int rc, String out, String err) {
    }

    private SideBySide() {
    }

    static boolean wimlibPresent() {
        return Files.isExecutable(WIMLIB);
    }

    /** wimlib-imagex with {@code env} added to an environment without WIMLIB_IMAGEX_IGNORE_CASE. */
    static Result wimlib(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(WIMLIB.toString()));
        cmd.addAll(args);
        Path err = Files.createTempFile("wimlib", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            pb.environment().remove(CaptureConfigs.IGNORE_CASE_VARIABLE);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wimlib-imagex timed out: " + args);
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static Result wimlib(String... args) throws IOException, InterruptedException {
        return wimlib(Map.of(), List.of(args));
    }

    /** Our command line, in this process, with {@code env} as its whole environment and nothing on standard input. */
    static Result ours(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = new WimCommand(o, e, new ByteArrayInputStream(new byte[0]), env).run(args.toArray(String[]::new));
        }
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result ours(String... args) {
        return ours(Map.of(), List.of(args));
    }

    /** Keeps, of every line drawn over with carriage returns, only what was drawn last. */
    static String lastStates(String output) {
        StringBuilder sb = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            int cr = line.lastIndexOf('\r');
            sb.append(cr < 0 ? line : line.substring(cr + 1)).append('\n');
        }
        return sb.toString();
    }
}
