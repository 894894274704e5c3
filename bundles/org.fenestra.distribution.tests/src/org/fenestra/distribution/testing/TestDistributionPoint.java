package org.fenestra.distribution.testing;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenestra.distribution.internal.dp.DpServer;
import org.fenestra.distribution.internal.http.DpClient;

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

    /**
     * Asks the DP for a multicast ticket to the package as a client does (with the site's secret
     * for a token), so the DP opens or joins a session of it: its real session records, without a
     * receiver on the network. The DP's answer: 200 with a ticket, else its refusal.
     *
     * @return the HTTP status, then the refusal's words for anything but 200
     */
    public String askForMulticastTicket(String packageId) throws Exception {
        String secret = Files.readString(siteSecretFile()).strip();
        HttpResponse<byte[]> answer = new DpClient(URI.create(url()), fingerprint(), secret)
                .exchange("POST", "multicast/" + packageId, null);
        return answer.statusCode() == 200 ? "200"
                : answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
