package org.fenestra.distribution.testing;

import java.nio.file.Path;

import org.fenestra.distribution.internal.dp.DpServer;

/**
 * A real distribution point (HTTPS on loopback, its own content library in {@code data}) for the
 * tests of other bundles, which must not reach into distribution's internal packages themselves
 * (the console's commands are tested against one).
 */
public final class TestDistributionPoint implements AutoCloseable {
    private final DpServer server;

    private TestDistributionPoint(DpServer server) {
        this.server = server;
    }

    /** Starts a DP on a free loopback port. */
    public static TestDistributionPoint start(Path data) throws Exception {
        return new TestDistributionPoint(DpServer.start(data, "127.0.0.1", 0, "127.0.0.1"));
    }

    public String url() {
        return server.url();
    }

    /** The SHA-256 fingerprint of its certificate, which the site pins. */
    public String fingerprint() {
        return server.identity().fingerprint();
    }

    /** The file holding the secret the site pushes with. */
    public Path siteSecretFile() {
        return server.identity().siteSecretFile();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
