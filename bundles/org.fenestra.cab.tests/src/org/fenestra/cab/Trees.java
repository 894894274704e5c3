package org.fenestra.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test trees with deterministic contents, and tree comparison. */
final class Trees {

    private static final String[] WORDS = {"update", "package", "servicing", "component", "Windows", "amd64",
        "assemblyIdentity", "version", "10.0.22621.1", "neutral", "31bf3856ad364e35", "<", ">", "=", "\"", "\r\n"};

    private Trees() {
    }

    /** Text-like bytes (compress well, with matches far back) mixed with runs of random bytes. */
    static byte[] mixed(long seed, int size) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        int p = 0;
        while (p < size) {
            if (r.nextInt(8) == 0) {
                int n = Math.min(size - p, 1 + r.nextInt(3000));
                for (int i = 0; i < n; i++) {
                    b[p++] = (byte) r.nextInt(256);
                }
            } else {
                byte[] w = (WORDS[r.nextInt(WORDS.length)] + " ").getBytes(StandardCharsets.US_ASCII);
                int n = Math.min(size - p, w.length);
                System.arraycopy(w, 0, b, p, n);
                p += n;
            }
        }
        return b;
    }

    static Path write(Path root, String relative, byte[] data) throws IOException {
        Path f = root.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, data);
        return f;
    }

    /** Nested folders, an empty file, many small files and one spanning many blocks. */
    static Path typical(Path root, int smallFiles, int largeSize) throws IOException {
        write(root, "empty.txt", new byte[0]);
        write(root, "a/b/c/deep.xml", mixed(1, 5000));
        write(root, "a/large.bin", mixed(2, largeSize));
        for (int i = 0; i < smallFiles; i++) {
            write(root, "many/f" + i + ".dat", mixed(100 + i, 1 + i * 37 % 4000));
        }
        return root;
    }

    /** Every regular file's relative path and bytes. */
    static TreeMap<String, byte[]> read(Path root) throws IOException {
        TreeMap<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                m.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    static void assertSameTree(Path expected, Path actual) throws IOException {
        TreeMap<String, byte[]> e = read(expected);
        TreeMap<String, byte[]> a = read(actual);
        assertEquals(e.keySet(), a.keySet(), "file names");
        for (String k : e.keySet()) {
            assertArrayEquals(e.get(k), a.get(k), k);
        }
    }
}
