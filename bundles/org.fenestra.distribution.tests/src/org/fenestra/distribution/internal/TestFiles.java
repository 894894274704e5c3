package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Test data and the command-line oracles (sha256sum, curl). */
final class TestFiles {

    private TestFiles() {
    }

    static Path randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256sum(Path file) throws Exception {
        return run(List.of("sha256sum", file.toString())).output.substring(0, 64);
    }

    record Result(int exit, String output) {
    }

    /** A WIM from {@code size} random bytes (and a small text file), written by wimlib-imagex uncompressed. */
    static Path capturedWim(Path dir, String name, long size, long seed) throws Exception {
        Path source = Files.createDirectories(dir.resolve("source-" + name));
        randomFile(source.resolve("data.bin"), size, seed);
        Files.writeString(source.resolve("readme.txt"), "image " + name + "\n");
        Path wim = dir.resolve(name + ".wim");
        Result capture = run(List.of("wimlib-imagex", "capture", source.toString(), wim.toString(), name,
                "--compress=none"));
        assertEquals(0, capture.exit(), capture.output());
        return wim;
    }

    static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /**
     * curl as an independent HTTPS client: certificate not checked by a CA (-k: the DP is
     * self-signed) but pinned by its public key hash where given; prints the status last.
     */
    static Result curl(String bearer, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sk", "--path-as-is", "-w", "\n%{http_code}"));
        if (bearer != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
        }
        command.addAll(List.of(args));
        Result result = run(command);
        assertEquals(0, result.exit, "curl failed: " + result.output);
        return result;
    }

    static int status(Result curl) {
        String out = curl.output.strip();
        return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).strip());
    }
}
