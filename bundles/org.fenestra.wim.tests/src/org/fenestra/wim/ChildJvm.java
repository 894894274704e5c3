package org.fenestra.wim;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./fenestra wim} (the {@link org.fenestra.wim.cli.WimCommand} main class) in a new
 * JVM with a small heap, from the jars or folders the engine and the codecs were loaded from.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The command line for {@code WimCommand args} in a JVM limited to {@code heap} (e.g. "64m"). */
    public static List<String> wimCommand(String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", classPathOf(org.fenestra.wim.cli.WimCommand.class,
                        org.fenestra.compress.Decompressors.class),
                "org.fenestra.wim.cli.WimCommand"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs the command, output discarded, and returns its exit status; fails the test if it hangs. */
    public static int run(List<String> cmd, long timeout, TimeUnit unit) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(timeout, unit)) {
            p.destroyForcibly();
            fail("child JVM hung: " + cmd);
        }
        return p.exitValue();
    }

    /** Class path for the child JVM: where the classes were loaded from (plain files only). */
    private static String classPathOf(Class<?>... classes) throws Exception {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : classes) {
            URL url = c.getProtectionDomain().getCodeSource().getLocation();
            assumeTrue("file".equals(url.getProtocol()), "classes not loaded from plain files: " + url);
            entries.add(Path.of(url.toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
