package org.fenestra.wim.internal.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Generated source trees for capture tests. */
final class TestTrees {
    private TestTrees() {
    }

    /**
     * Many small files, chunk-boundary sizes, empty files, duplicates, hard links, symlinks
     * (relative, absolute into and out of the tree, to a directory, dangling), Unicode names,
     * a deep path. Times are then fixed: mtime with nanoseconds, and atime in the future, so
     * reading the files (relatime) leaves it alone and both writers see the same times.
     */
    static Path make(Path root) throws IOException {
        Random rnd = new Random(42);
        Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(root.resolve("many/file" + i + ".txt"), "small file " + i + "\n".repeat(i % 7));
        }
        Files.createDirectories(root.resolve("chunks"));
        for (int size : new int[] { 1, 4095, 4096, 4097, 32767, 32768, 32769, 65535, 65536, 65537, 1048577 }) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (i % 5 == 0 ? rnd.nextInt(256) : 'a' + i % 23);
            }
            Files.write(root.resolve("chunks/size-" + size + ".bin"), b);
        }
        byte[] random = new byte[300_000];
        rnd.nextBytes(random);
        Files.write(root.resolve("chunks/random.bin"), random);
        Files.write(root.resolve("chunks/zeros.bin"), new byte[200_000]);
        Files.writeString(root.resolve("text.txt"), "The quick brown fox jumps over the lazy dog.\n".repeat(5000));
        Files.write(root.resolve("empty.txt"), new byte[0]);
        Files.createDirectories(root.resolve("emptydir"));
        Files.createDirectories(root.resolve("dups"));
        for (String n : new String[] { "a", "b", "c" }) {
            Files.writeString(root.resolve("dups/" + n), "duplicate content\n".repeat(100));
        }
        Files.createDirectories(root.resolve("links/other"));
        Files.writeString(root.resolve("links/original.txt"), "linked\n".repeat(1000));
        Files.createLink(root.resolve("links/hard1.txt"), root.resolve("links/original.txt"));
        Files.createLink(root.resolve("links/other/hard2.txt"), root.resolve("links/original.txt"));
        Files.write(root.resolve("links/empty-original"), new byte[0]);
        Files.createLink(root.resolve("links/empty-link"), root.resolve("links/empty-original"));
        Files.createSymbolicLink(root.resolve("links/relative"), Path.of("original.txt"));
        Files.createSymbolicLink(root.resolve("links/to-dir"), Path.of("other"));
        Files.createSymbolicLink(root.resolve("links/dangling"), Path.of("does/not/exist"));
        Files.createSymbolicLink(root.resolve("links/absolute-in"), root.toAbsolutePath().resolve("text.txt"));
        Files.createSymbolicLink(root.resolve("links/absolute-out"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("links/back\\slash"), Path.of("a\\b/c"));
        Files.createDirectories(root.resolve("unicode"));
        for (String n : new String[] { "café", "cafe\u0301", "日本語.txt", "emoji-\uD83D\uDE00.txt", "עברית", "Größe",
                "double  space", "UPPER.TXT", "upper.txt" }) {
            Files.writeString(root.resolve("unicode/" + n), n, StandardCharsets.UTF_8);
        }
        Path deep = root.resolve("deep");
        for (int i = 0; i < 40; i++) {
            deep = deep.resolve("level-" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("bottom.txt"), "deep");
        fixTimes(root);
        return root;
    }

    /** Half random, half text: compresses, but not to nothing. */
    static byte[] bytes(Random rnd, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i % 2 == 0 ? rnd.nextInt(256) : 'a' + i % 23);
        }
        return b;
    }

    static void fixTimes(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(all::add);
        }
        all.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        FileTime atime = FileTime.from(Instant.now().plusSeconds(3 * 86400));
        int i = 0;
        for (Path p : all) {
            FileTime mtime = FileTime.from(Instant.ofEpochSecond(1_262_304_000L + i * 61L, 123_456_700L + i));
            i++;
            Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(mtime,
                    atime, null);
        }
    }
}
