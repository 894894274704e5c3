package org.fenestra.compress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test-only driver of the {@code wimlib-imagex} command, the oracle for the decoders. */
final class Wimlib {

    /** A blob as listed by {@code wimlib-imagex info --blobs}. */
    record Blob(String sha1, long usize, long csize, long offset, boolean compressed, boolean metadata,
            boolean solid, long solidOffset) {
    }

    private Wimlib() {
    }

    static boolean available() {
        try {
            return run(List.of("wimlib-imagex", "--version")).contains("wimlib");
        } catch (IOException e) {
            return false;
        }
    }

    static void capture(Path dir, Path wim, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("wimlib-imagex", "capture", dir.toString(), wim.toString()));
        cmd.addAll(List.of(options));
        run(cmd);
    }

    static List<Blob> blobs(Path wim) throws IOException {
        String text = run(List.of("wimlib-imagex", "info", wim.toString(), "--blobs"));
        List<Blob> blobs = new ArrayList<>();
        for (String block : text.split("\\R\\s*\\R")) {
            String sha1 = null;
            long usize = -1, csize = -1, offset = -1, solidOffset = -1;
            String flags = "";
            for (String line : block.split("\\R")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                String val = line.substring(eq + 1).trim();
                switch (key) {
                    case "Hash" -> sha1 = val.replaceFirst("^0x", "");
                    case "Uncompressed size" -> usize = firstNumber(val);
                    case "Compressed size" -> csize = firstNumber(val);
                    case "Offset in WIM" -> offset = firstNumber(val);
                    case "Solid resource" -> {
                        // "<usize> => <csize> bytes @ offset <offset>"
                        String[] p = val.split("\\s+");
                        csize = Long.parseLong(p[2]);
                        offset = Long.parseLong(p[p.length - 1]);
                    }
                    case "Solid offset" -> solidOffset = firstNumber(val);
                    case "Flags" -> flags = val;
                    default -> { }
                }
            }
            if (sha1 != null) {
                blobs.add(new Blob(sha1, usize, csize, offset, flags.contains("COMPRESSED"),
                        flags.contains("METADATA"), flags.contains("SOLID"), solidOffset));
            }
        }
        return blobs;
    }

    private static long firstNumber(String s) {
        return Long.parseLong(s.split("\\s+")[0]);
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(cmd + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static byte[] readAll(Path p) throws IOException {
        return Files.readAllBytes(p);
    }
}
