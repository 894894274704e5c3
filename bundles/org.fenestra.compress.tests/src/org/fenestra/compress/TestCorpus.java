package org.fenestra.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Deterministic mixed test input: x86 executables from /usr/bin (E8 and x86-filter
 * material), generated text, zeros, random bytes, and linear ramps of 16/32-bit integers
 * (material for LZMS delta matches).
 */
final class TestCorpus {

    private TestCorpus() {
    }

    static byte[] mixed(int size, long seed) throws IOException {
        return mixed(size, seed, binaries(size / 3));
    }

    /** Like {@link #mixed(int, long)} but with synthetic x86-like code instead of system files. */
    static byte[] synthetic(int size, long seed) throws IOException {
        return mixed(size, seed, pseudoX86(size / 3, new Random(seed + 1)));
    }

    private static byte[] mixed(int size, long seed, byte[] binaries) throws IOException {
        Random rnd = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        int b = 0;
        while (out.size() < size) {
            int part = 4096 + rnd.nextInt(60000);
            switch (rnd.nextInt(6)) {
                case 0, 1 -> {
                    int n = Math.min(part, binaries.length - b);
                    if (n <= 0) {
                        b = 0;
                        n = Math.min(part, binaries.length);
                    }
                    out.write(binaries, b, n);
                    b += n;
                }
                case 2 -> out.write(text(part, rnd));
                case 3 -> out.write(new byte[part / 4]);
                case 4 -> {
                    byte[] r = new byte[part / 8];
                    rnd.nextBytes(r);
                    out.write(r);
                }
                default -> {
                    int step = 1 + rnd.nextInt(7);
                    int width = rnd.nextBoolean() ? 2 : 4;
                    for (int i = 0, v = rnd.nextInt(); i < part / width; i++, v += step) {
                        for (int k = 0; k < width; k++) {
                            out.write(v >>> (8 * k));
                        }
                    }
                }
            }
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, size);
    }

    private static byte[] binaries(int want) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path bin = Path.of("/usr/bin");
        if (Files.isDirectory(bin)) {
            try (Stream<Path> files = Files.list(bin)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    if (out.size() >= want) {
                        break;
                    }
                    if (Files.isRegularFile(p) && !Files.isSymbolicLink(p) && Files.size(p) > 20000
                            && Files.size(p) < 2_000_000) {
                        out.write(Files.readAllBytes(p));
                    }
                }
            }
        }
        if (out.size() == 0) {
            byte[] r = new byte[want];
            new Random(7).nextBytes(r);
            return r;
        }
        return out.toByteArray();
    }

    /** Random filler with CALL (E8), RIP-relative LEA/MOV and indirect CALL to a few targets. */
    private static byte[] pseudoX86(int size, Random rnd) {
        byte[] b = new byte[size];
        int[] targets = new int[24];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = rnd.nextInt(Math.max(1, size));
        }
        int p = 0;
        while (p < size - 8) {
            int t = targets[rnd.nextInt(targets.length)];
            switch (rnd.nextInt(5)) {
                case 0 -> { b[p++] = (byte) 0xE8; p = putRel(b, p, t - (p + 4)); }
                case 1 -> { b[p++] = 0x48; b[p++] = (byte) 0x8D; b[p++] = 0x05; p = putRel(b, p, t - (p + 4)); }
                case 2 -> { b[p++] = (byte) 0xFF; b[p++] = 0x15; p = putRel(b, p, t - (p + 4)); }
                default -> {
                    for (int n = 1 + rnd.nextInt(6); n > 0 && p < size; n--) {
                        b[p++] = (byte) (0x50 + rnd.nextInt(16));
                    }
                }
            }
        }
        return b;
    }

    private static int putRel(byte[] b, int p, int v) {
        for (int k = 0; k < 4; k++) {
            b[p++] = (byte) (v >>> (8 * k));
        }
        return p;
    }

    private static byte[] text(int size, Random rnd) {
        String[] words = {"the", "window", "image", "file", "compression", "chunk", "of", "and", "resource",
            "stream", "Fenestra", "header", "table", "offset", "length", "to", "a", "is", "data", "\n"};
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            sb.append(words[(int) Math.min(words.length - 1, Math.abs(rnd.nextGaussian() * 6))]).append(' ');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
