package org.fenestra.wim.internal.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Creates symbolic links whose target is exactly the given string, as wimlib does: a target
 * such as {@code sub///} or {@code /abs//x/} keeps its slashes. {@link Path} normalizes
 * redundant and trailing slashes, so such a target (rare) is created by {@code ln}; every
 * other target through {@link Files#createSymbolicLink}. (Java 22's foreign function API would
 * make the direct {@code symlink(2)} call possible once the bundle's release level allows it.)
 */
final class SymbolicLinks {
    private static final long LN_TIMEOUT_SECONDS = 30;

    private SymbolicLinks() {
    }

    static void create(Path link, String target) throws IOException {
        Path asPath = link.getFileSystem().getPath(target);
        if (asPath.toString().equals(target)) {
            Files.createSymbolicLink(link, asPath);
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("ln", "-s", "-T", "--", target, link.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(LN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("\"" + link + "\": creating the symbolic link timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException("\"" + link + "\": cannot create symbolic link to \"" + target + "\": " + out);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("\"" + link + "\": interrupted while creating the symbolic link", e);
        }
    }
}
