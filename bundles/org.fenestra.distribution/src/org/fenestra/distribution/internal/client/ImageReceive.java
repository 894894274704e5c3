package org.fenestra.distribution.internal.client;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.fenestra.distribution.internal.DpProtocol;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastReceiver;
import org.fenestra.multicast.ReceiverResult;
import org.fenestra.multicast.ReceiverSettings;
import org.fenestra.multicast.SessionTicket;

/**
 * {@code client receive}: joins (or starts) the DP's multicast session of an image with a
 * deployment token, receives the WIM and verifies its SHA-256. When the session drops this client
 * (too slow for it, or the session is lost), it downloads the image over HTTPS instead, unless the
 * image is sent only via multicast.
 */
public final class ImageReceive {

    /** Failures after which the HTTPS download can still deliver the image. */
    private static final Set<MulticastException.Reason> FALLBACK = Set.of(MulticastException.Reason.TOO_SLOW,
            MulticastException.Reason.SENDER_LOST, MulticastException.Reason.SESSION_ENDED,
            MulticastException.Reason.NO_SESSION);

    private final URI dpUrl;
    private final String fingerprint;
    private final String token;
    private final PrintStream out;

    public ImageReceive(URI dpUrl, String fingerprint, String token, PrintStream out) {
        this.dpUrl = dpUrl;
        this.fingerprint = fingerprint;
        this.token = token;
        this.out = out;
    }

    /**
     * Receives the image into {@code dest}; {@code interfaceAddress} null: the address this host
     * reaches the DP from.
     *
     * @throws MulticastException {@code NOT_ADMITTED} when the DP refused (the message says why:
     *         multicast disabled, not allowed, session full, token), else the receive failed and no
     *         fallback was possible
     */
    public Path receive(String packageId, Path dest, String interfaceAddress) throws IOException {
        DpClient dp = new DpClient(dpUrl, fingerprint, token);
        Files.createDirectories(dest);
        Path destination = dest.toRealPath();
        InetAddress local = interfaceAddress != null ? InetAddress.getByName(interfaceAddress) : localAddressTowards(dpUrl);
        int stream = 1;
        while (true) {
            HttpResponse<byte[]> answer = dp.exchange("POST", "multicast/" + packageId + (stream > 1 ? "/" + stream : ""),
                    null);
            if (answer.statusCode() != 200) {
                String why = new String(answer.body(), StandardCharsets.UTF_8).strip();
                throw new MulticastException(MulticastException.Reason.NOT_ADMITTED, "the DP refused multicast: " + why);
            }
            SessionTicket ticket = SessionTicket.readFrom(new DataInputStream(new ByteArrayInputStream(answer.body())));
            boolean onlyMulticast = answer.headers().firstValue(DpProtocol.MULTICAST_ONLY).orElse("no").equals("yes");
            long startWithin = answer.headers().firstValueAsLong(DpProtocol.MULTICAST_START_WITHIN).orElse(0);
            int streams = Integer.parseInt(answer.headers().firstValue(DpProtocol.MULTICAST_STREAM).orElse("1/1")
                    .replaceAll(".*/", ""));
            String name = answer.headers().firstValue(DpProtocol.MULTICAST_FILE).orElse(packageId + ".wim");
            Path target = destination.resolve(name).normalize();
            if (!target.startsWith(destination) || target.equals(destination)) {
                throw new IOException("the DP names a path outside the destination: " + name);
            }
            Files.createDirectories(target.getParent());
            out.println("Joined multicast session " + Long.toUnsignedString(ticket.sessionId(), 16) + " of " + packageId
                    + " at " + ticket.group().getAddress().getHostAddress() + ":" + ticket.group().getPort()
                    + (ticket.encrypted() ? " (encrypted)" : "") + (streams > 1 ? ", stream " + stream + " of " + streams : "")
                    + (startWithin > 0 ? ", starting within " + startWithin + " s" : ""));
            out.flush();
            ReceiverSettings defaults = ReceiverSettings.of(local);
            ReceiverSettings settings = new ReceiverSettings(local, defaults.joinTimeout().plusSeconds(startWithin),
                    defaults.sessionTimeout());
            try {
                ReceiverResult result = MulticastReceiver.receive(ticket, target, settings, (done, total) -> { },
                        () -> false);
                out.printf(Locale.ROOT, "Received %s by multicast: %d bytes, %.1f MB/s, SHA-256 verified%n", name, result.bytes(),
                        result.bytesPerSecond() / 1e6);
                return target;
            } catch (MulticastException e) {
                if (e.reason() == MulticastException.Reason.TOO_SLOW && stream < streams) {
                    out.println("Too slow for stream " + stream + " (" + e.getMessage() + "): taking stream "
                            + (stream + 1));
                    stream++;
                    continue;
                }
                if (!FALLBACK.contains(e.reason())) {
                    throw e;
                }
                if (onlyMulticast) {
                    throw new MulticastException(e.reason(), e.getMessage() + "; " + packageId
                            + " is sent only via multicast, so it is not downloaded over HTTPS", e);
                }
                out.println("Multicast ended for this client (" + e.getMessage() + "): downloading over HTTPS instead");
                out.flush();
                new ImageDownload(dpUrl, fingerprint, token, out).download(packageId, destination);
                return target;
            }
        }
    }

    /** The local address the route to the DP leaves from (no packet is sent: a UDP connect only picks it). */
    static InetAddress localAddressTowards(URI dpUrl) throws IOException {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(dpUrl.getHost()), Math.max(1, dpUrl.getPort())));
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new IOException("no route to the DP " + dpUrl.getHost() + "; name the interface with --interface");
            }
            return local;
        }
    }
}
