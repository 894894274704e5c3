package org.fenestra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle: Debian's hivex (libhivex-bin, libwin-hivex-perl, python3-hivex; installed by
 * releng/scripts/install-prerequisites.sh), and the canonical dump both sides are compared by.
 */
final class Hivex {
    private static final Path DUMP_SCRIPT = Path.of("data/hivex_dump.py").toAbsolutePath();

    private Hivex() {
    }

    /** hivex's view of a hive, in {@link #dump(RegistryKey)}'s form. */
    static String dump(Path hive) throws IOException, InterruptedException {
        return run(List.of("/usr/bin/python3", DUMP_SCRIPT.toString(), hive.toString()), null);
    }

    /** Our view of a hive: "K path" per key, depth first, subkeys and values sorted by name. */
    static String dump(RegistryKey root) {
        StringBuilder out = new StringBuilder();
        dump(root, out);
        return out.toString();
    }

    private static void dump(RegistryKey key, StringBuilder out) {
        out.append("K ").append(key.path()).append('\n');
        List<RegistryValue> values = new ArrayList<>(key.values());
        values.sort((a, b) -> a.name().compareTo(b.name()));
        for (RegistryValue value : values) {
            out.append("V ").append(HexFormat.of().formatHex(value.name().getBytes(StandardCharsets.UTF_8)))
                .append(' ').append(Integer.toUnsignedLong(value.type())).append(' ')
                .append(HexFormat.of().formatHex(value.data())).append('\n');
        }
        List<RegistryKey> subkeys = new ArrayList<>(key.subkeys());
        subkeys.sort((a, b) -> a.name().compareTo(b.name()));
        for (RegistryKey subkey : subkeys) {
            dump(subkey, out);
        }
    }

    /** Fails with the first line where two dumps (or exports) differ, not with both whole. */
    static void assertSameDump(String expected, String actual, String message) {
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        String el = i < e.length ? e[i] : "<end>";
        String al = i < a.length ? a[i] : "<end>";
        int c = 0;
        while (c < el.length() && c < al.length() && el.charAt(c) == al.charAt(c)) {
            c++;
        }
        int from = Math.max(0, c - 40);
        org.junit.jupiter.api.Assertions.fail(message + ": first difference at line " + (i + 1) + " of "
            + e.length + "/" + a.length + ", column " + c + " of " + el.length() + "/" + al.length()
            + "\n  before: " + (i > 0 ? abbreviate(e[i - 1]) : "")
            + "\n  expected: " + abbreviate(el.substring(0, Math.min(el.length(), 60))) + " … " + abbreviate(el.substring(Math.min(from, el.length())))
            + "\n  actual:   " + abbreviate(al.substring(0, Math.min(al.length(), 60))) + " … " + abbreviate(al.substring(Math.min(from, al.length()))));
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** {@code hivexregedit --merge}: hivex applies a .reg file (UTF-8, strings stored UTF-16LE) to the hive. */
    static void merge(Path hive, Path regFile) throws IOException, InterruptedException {
        run(List.of("hivexregedit", "--merge", hive.toString(), regFile.toString()), null);
    }

    /** {@code hivexregedit --export}: hivex's .reg export of the whole hive (its bytes as Latin-1: not always UTF-8). */
    static String export(Path hive) throws IOException, InterruptedException {
        return run(List.of("hivexregedit", "--export", hive.toString(), "\\"), null, StandardCharsets.ISO_8859_1);
    }

    /** Runs {@code hivexsh -w} with a script (commands on stdin, "commit" included by the caller). */
    static String shell(Path hive, String script) throws IOException, InterruptedException {
        return run(List.of("hivexsh", "-w", hive.toString()), script);
    }

    static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        return run(command, stdin, StandardCharsets.UTF_8);
    }

    static String run(List<String> command, String stdin, java.nio.charset.Charset output)
        throws IOException, InterruptedException {
        Path out = Files.createTempFile("hivex", ".out");
        Path err = Files.createTempFile("hivex", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(command.get(0) + " is missing: run releng/scripts/install-prerequisites.sh", e);
            }
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish");
            }
            String errors = Files.readString(err, StandardCharsets.ISO_8859_1);
            assertEquals(0, process.exitValue(), () -> command + " failed: " + errors);
            return Files.readString(out, output);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
