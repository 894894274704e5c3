package org.fenestra.distribution.testing;

import java.net.URI;
import java.nio.file.Path;

import org.fenestra.distribution.internal.DpProcess;

/**
 * A real distribution point as its own process on loopback (as {@code ./fenestra dp} runs one), for
 * the tests of other bundles, e.g. servicing's "update distribution points". The test runtime must
 * hold the DP's bundles (distribution, content, multicast, Jetty, SLF4J).
 */
public final class DistributionPointProcess implements AutoCloseable {
    private final DpProcess process;

    private DistributionPointProcess(DpProcess process) {
        this.process = process;
    }

    /** Starts a DP on a free loopback port with its content library in {@code data}. */
    public static DistributionPointProcess start(Path data) throws Exception {
        return new DistributionPointProcess(DpProcess.start(data));
    }

    public URI url() {
        return process.url();
    }

    /** The SHA-256 fingerprint of its certificate, which the site pins. */
    public String fingerprint() {
        return process.fingerprint();
    }

    /** The secret the site pushes with. */
    public String secret() throws java.io.IOException {
        return process.secret();
    }

    /** Where the DP keeps the content file of this SHA-256 (absent when it holds no such content). */
    public Path contentFile(String sha256) {
        return process.data().resolve("library/content/" + sha256.substring(0, 2) + "/" + sha256);
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
