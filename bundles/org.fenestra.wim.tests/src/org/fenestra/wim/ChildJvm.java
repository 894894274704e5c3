package org.fenestra.wim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code fenestra wim ARGS} in a separate JVM with a 64 MiB heap (a small machine; a process that can be killed). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts the command; its output is discarded. */
    public static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classPathOf(org.fenestra.wim.cli.WimCommand.class,
                        org.fenestra.compress.Decompressors.class),
                "org.fenestra.wim.cli.WimCommand"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Class path for the child JVM: where the engine and the codecs were loaded from (plain files only). */
    private static String classPathOf(Class<?>... classes) {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : classes) {
            java.net.URL url = c.getProtectionDomain().getCodeSource().getLocation();
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
