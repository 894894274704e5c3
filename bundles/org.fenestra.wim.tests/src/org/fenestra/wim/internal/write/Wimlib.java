package org.fenestra.wim.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs wimlib-imagex (the oracle) and normalizes its listings for comparison. */
final class Wimlib {
    static final Path EXE = Path.of("/usr/bin/wimlib-imagex");

    record Result(int rc, String out) {
    }

    private Wimlib() {
    }

    static boolean present() {
        return Files.isExecutable(EXE);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(EXE.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wimlib-imagex timed out: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    static String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        assertEquals(0, r.rc(), String.join(" ", args) + "\n" + r.out());
        return r.out();
    }

    /**
     * {@code dir --detailed} with what legitimately differs between two writers replaced:
     * "Offset in WIM" (blob order in the file), link group ids (wimlib numbers them by its
     * inode hash table; we renumber both by first appearance), and, when {@code sizes} is
     * false, "Compressed size" and the resource flags (different compressors: a small blob one
     * of them shrinks by a few bytes the other may store raw). {@link #assertCompressedFlags}
     * checks those flags on their own.
     */
    static String normalizedDir(String listing, boolean sizes) {
        String s = listing.replaceAll("(?m)^Offset in WIM     = \\d+ bytes$", "Offset in WIM     = *");
        if (!sizes) {
            s = s.replaceAll("(?m)^Compressed size   = \\d+ bytes$", "Compressed size   = *")
                    .replaceAll("(?m)^Flags             = .*$", "Flags             = *");
        }
        Matcher m = Pattern.compile("(?m)^Link Group ID       = (0x[0-9a-f]+)$").matcher(s);
        Map<String, String> ids = new HashMap<>();
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String id = m.group(1);
            String mapped = id.equals("0x0000000000000000") ? id
                    : ids.computeIfAbsent(id, k -> "group-" + (ids.size() + 1));
            m.appendReplacement(sb, "Link Group ID       = " + mapped);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * {@code info} with GUID, image times, path and file size replaced. The size differs even
     * uncompressed: wimlib 1.13 gives reparse points and directories extra stream entries that
     * wimlib 1.14 and DISM (and we) do not write.
     */
    static String normalizedInfo(String info) {
        return info.replaceAll("(?m)^GUID:.*$", "GUID: *")
                .replaceAll("(?m)^(Creation Time|Last Modification Time):.*$", "$1: *")
                .replaceAll("(?m)^Path:.*$", "Path: *")
                .replaceAll("(?m)^Size:.*$", "Size: *");
    }

    /** Each blob listed is flagged COMPRESSED exactly when it is stored smaller than its data, as wimlib decides. */
    static void assertCompressedFlags(String listing) {
        Matcher m = Pattern.compile("Uncompressed size = (\\d+) bytes\nCompressed size   = (\\d+) bytes\n"
                + "(?:.*\n){3}Flags             = (.*)\n").matcher(listing);
        int n = 0;
        while (m.find()) {
            long u = Long.parseLong(m.group(1));
            long c = Long.parseLong(m.group(2));
            if (u > 0) {
                assertEquals(c < u, m.group(3).contains("COMPRESSED"), m.group());
                n++;
            }
        }
        assertEquals(true, n > 0, "no blobs found in the listing");
    }

    /** Same names, same kinds, same bytes, same link targets. */
    static void assertSameTree(Path a, Path b) throws IOException {
        List<String> la = list(a);
        assertEquals(la, list(b));
        for (String rel : la) {
            Path pa = a.resolve(rel);
            Path pb = b.resolve(rel);
            if (Files.isSymbolicLink(pa)) {
                assertEquals(true, Files.isSymbolicLink(pb), rel);
            } else if (Files.isRegularFile(pa, LinkOption.NOFOLLOW_LINKS)) {
                assertArrayEquals(Files.readAllBytes(pa), Files.readAllBytes(pb), rel);
            } else {
                assertEquals(Files.isDirectory(pa, LinkOption.NOFOLLOW_LINKS),
                        Files.isDirectory(pb, LinkOption.NOFOLLOW_LINKS), rel);
            }
        }
    }

    static List<String> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
