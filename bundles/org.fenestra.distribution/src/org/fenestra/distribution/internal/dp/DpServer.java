package org.fenestra.distribution.internal.dp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.fenestra.content.library.ContentLibrary;

/**
 * A distribution point: its content library ({@code DATA/library}) served over HTTPS by Jetty 12's
 * core server with {@link DpHandler}, under the identity in {@code DATA/identity}.
 */
public final class DpServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final DpIdentity identity;
    private final String hostName;
    private final DpMulticastSessions multicast;

    private DpServer(Server server, ServerConnector connector, DpIdentity identity, String hostName,
            DpMulticastSessions multicast) {
        this.multicast = multicast;
        this.server = server;
        this.connector = connector;
        this.identity = identity;
        this.hostName = hostName;
    }

    /**
     * Starts a DP on {@code bindAddress:port} (port 0: any free one).
     *
     * @param hostName the name clients reach it by: in its URL and certificate
     */
    public static DpServer start(Path data, String bindAddress, int port, String hostName) throws Exception {
        return start(data, bindAddress, port, hostName, null);
    }

    /**
     * Starts a DP whose multicast sessions are sent from {@code multicastInterface} (an address of
     * this host; null: the bind address, or the host's own address when bound to all).
     */
    public static DpServer start(Path data, String bindAddress, int port, String hostName, String multicastInterface)
            throws Exception {
        ContentLibrary library = ContentLibrary.open(data.resolve("library"));
        DpIdentity identity = DpIdentity.loadOrCreate(data.resolve("identity"), hostName);

        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("dp");
        Server server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(identity.keyStore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(identity.keyStorePassword());
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");

        HttpConfiguration https = new HttpConfiguration();
        // ambiguous paths (encoded separators, dots, ...) are refused before the handler sees them
        https.setUriCompliance(UriCompliance.DEFAULT);
        https.setSendServerVersion(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients pin the certificate by fingerprint and may reach the DP by address, not name
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);

        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(bindAddress);
        connector.setPort(port);
        server.addConnector(connector);
        String sendFrom = multicastInterface != null ? multicastInterface
                : bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? null : bindAddress;
        DpMulticastSessions multicast = new DpMulticastSessions(data.resolve("multicast"),
                sendFrom == null ? InetAddress.getLocalHost() : InetAddress.getByName(sendFrom));
        server.setHandler(new DpMulticastHandler(new DpHandler(library, identity, new DpImageDescriptions(data.resolve("images"))), library, multicast));
        server.setStopTimeout(2000);
        server.start();
        return new DpServer(server, connector, identity, hostName, multicast);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        return "https://" + hostName + ":" + port() + "/";
    }

    public DpIdentity identity() {
        return identity;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        multicast.close();
        server.stop();
    }

    static String defaultHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
