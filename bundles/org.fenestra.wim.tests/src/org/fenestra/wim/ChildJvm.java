package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fenestra wim ARGS} (the {@link org.fenestra.wim.internal.cli.WimCommand} main class) in a
 * separate JVM with a small heap: a small machine, and a process that can be killed. The class
 * path is where the engine and the codecs were loaded from.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts the command in a 64 MiB heap; its output is discarded. */
    public static Process start(String... args) throws IOException {
        return new ProcessBuilder(wimCommand("64m", args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs the command in a heap of {@code heap} (e.g. "64m") and returns its exit status; fails the test if it hangs. */
    public static int run(String heap, long timeout, TimeUnit unit, String... args) throws Exception {
        Process p = new ProcessBuilder(wimCommand(heap, args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeout, unit)) {
            p.destroyForcibly();
            fail("child JVM hung: " + String.join(" ", args));
        }
        return p.exitValue();
    }

    private static List<String> wimCommand(String heap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", classPathOf(org.fenestra.wim.internal.cli.WimCommand.class,
                        org.fenestra.compress.codecs.Decompressors.class, org.fenestra.registry.Hive.class),
                "org.fenestra.wim.internal.cli.WimCommand"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String classPathOf(Class<?>... classes) {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : classes) {
            URL url = c.getProtectionDomain().getCodeSource().getLocation();
            assumeTrue("file".equals(url.getProtocol()), "classes not loaded from plain files: " + url);
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
