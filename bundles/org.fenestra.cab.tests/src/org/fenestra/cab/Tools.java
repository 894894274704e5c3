package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the oracles: gcab (makes MSZIP and stored cabinets) and cabextract (reads every kind). */
final class Tools {

    record Result(int rc, String out) {
    }

    private Tools() {
    }

    static void assumePresent() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcab")) && Files.isExecutable(Path.of("/usr/bin/cabextract")),
                "gcab and cabextract are installed by releng/scripts/install-prerequisites.sh");
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), out);
    }

    static String ok(Path workDir, String... args) throws IOException, InterruptedException {
        Result r = run(workDir, args);
        assertEquals(0, r.rc(), String.join(" ", args) + "\n" + r.out());
        return r.out();
    }

    /** gcab -c [-z] CAB FILES..., run in {@code tree} with the files' relative names. */
    static Path gcab(Path tree, Path cab, boolean mszip) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gcab", "-c"));
        if (mszip) {
            cmd.add("-z");
        }
        cmd.add(cab.toString());
        try (var files = Files.walk(tree)) {
            files.filter(Files::isRegularFile).map(f -> tree.relativize(f).toString()).sorted().forEach(cmd::add);
        }
        ok(tree, cmd.toArray(String[]::new));
        return cab;
    }

    /** cabextract -q -d DIR CAB: must succeed (every block checksum and size checked). */
    static Path cabextract(Path cab, Path dir) throws IOException, InterruptedException {
        ok(cab.getParent(), "cabextract", "-q", "-d", dir.toString(), cab.toString());
        return dir;
    }
}
