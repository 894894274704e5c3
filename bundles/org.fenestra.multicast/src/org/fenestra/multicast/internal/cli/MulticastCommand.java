package org.fenestra.multicast.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastReceiver;
import org.fenestra.multicast.MulticastSender;
import org.fenestra.multicast.ReceiverOutcome;
import org.fenestra.multicast.ReceiverResult;
import org.fenestra.multicast.ReceiverSettings;
import org.fenestra.multicast.SenderReport;
import org.fenestra.multicast.SenderSettings;
import org.fenestra.multicast.SessionManifest;
import org.fenestra.multicast.SessionTicket;
import org.fenestra.multicast.TicketServer;
import org.fenestra.multicast.TlsKeyExchange;

/**
 * A plain-Java command line for the transport, used by the test bed and {@code bench/multicast.sh}
 * (one process per namespace):
 *
 * <pre>
 * send    --file F --group ADDR:PORT --interface IP --tickets IP:PORT --keystore P12 --storepass S --token T
 *         [--encrypt] [--max-rate MBPS] [--min-receiver-rate MBPS] [--wait-receivers N] [--wait-seconds S]
 *         [--slower-stream-below FRACTION] [--block-size B]
 * receive --tickets IP:PORT --truststore P12 --storepass S --token T --dest F --interface IP [--timeout S]
 * capture --group ADDR:PORT --interface IP --out F --seconds S [--idle S]   (raw datagrams, as an eavesdropper)
 * </pre>
 *
 * Output is one line per fact ({@code SESSION}, {@code RECEIVER}, {@code SENDER}, {@code RESULT}),
 * {@code key=value} fields, for scripts. Exit status: 0 done, 1 failed (the reason printed), 2 usage.
 */
public final class MulticastCommand {

    private final PrintStream out;

    private MulticastCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new MulticastCommand(System.out).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            return usage("a command is needed: send, receive or capture");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return usage("unexpected argument " + args[i]);
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        try {
            return switch (args[0]) {
                case "send" -> send(options);
                case "receive" -> receive(options);
                case "capture" -> capture(options);
                default -> usage("unknown command " + args[0]);
            };
        } catch (MulticastException e) {
            out.println("RESULT FAILED reason=" + e.reason() + " " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int send(Map<String, String> o) throws MulticastException {
        Path file = Path.of(required(o, "file"));
        int blockSize = Integer.parseInt(o.getOrDefault("block-size", "" + SessionManifest.DEFAULT_BLOCK_SIZE));
        SessionManifest manifest = SessionManifest.compute(file, blockSize, SessionManifest.DEFAULT_BLOCKS_PER_CHUNK,
                () -> false);
        SenderSettings settings = SenderSettings.of(address(required(o, "group")), host(required(o, "interface")));
        if (o.containsKey("min-receiver-rate")) {
            settings = settings.withMinReceiverRate((long) (Double.parseDouble(o.get("min-receiver-rate")) * 1_000_000));
        }
        if (o.containsKey("slower-stream-below")) {
            settings = settings.withSlowerStreamBelow(Double.parseDouble(o.get("slower-stream-below")));
        }
        if (o.containsKey("max-rate")) {
            settings = settings.withMaxRate((long) (Double.parseDouble(o.get("max-rate")) * 1_000_000));
        }
        String token = required(o, "token");
        SSLContext tls = serverContext(Path.of(required(o, "keystore")), required(o, "storepass"));
        try (MulticastSender sender = MulticastSender.open(settings, file, manifest, o.containsKey("encrypt"));
                TicketServer tickets = TlsKeyExchange.serve(tls, address(required(o, "tickets")), token::equals,
                        sender::issueTicket)) {
            out.println("SESSION tickets=" + tickets.address() + " encrypted=" + (o.containsKey("encrypt") ? "yes" : "no")
                    + " bytes=" + manifest.fileSize());
            out.flush();
            int wanted = Integer.parseInt(o.getOrDefault("wait-receivers", "0"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("wait-seconds", "30")));
            sender.warmUp(() -> sender.admitted() >= wanted || System.nanoTime() >= deadline);
            while (sender.admitted() < wanted && System.nanoTime() < deadline) {
                sleep(20);
            }
            out.println("SENDING receivers=" + sender.admitted());
            out.flush();
            SenderReport report = sender.run((done, total) -> { }, () -> false);
            for (ReceiverOutcome r : report.receivers()) {
                out.printf(Locale.ROOT, "RECEIVER id=%d address=%s state=%s bytes=%d seconds=%.3f mbps=%.1f detail=%s%n",
                        r.receiverId(), r.address(), r.state(), r.bytes(), r.elapsed().toNanos() / 1e9,
                        r.bytesPerSecond() / 1e6, r.detail().replace(' ', '_'));
            }
            out.printf(Locale.ROOT, "SENDER seconds=%.3f dataPackets=%d repairs=%d finalRate=%.1f refusedTokens=%d %s%n",
                    report.elapsed().toNanos() / 1e9, report.dataPackets(), report.repairPackets(),
                    report.finalRate() / 1e6, tickets.refused(), report.counters());
            return 0;
        }
    }

    private int receive(Map<String, String> o) throws MulticastException {
        SSLContext tls = clientContext(Path.of(required(o, "truststore")), required(o, "storepass"));
        SessionTicket ticket = TlsKeyExchange.client(tls, address(required(o, "tickets"))).admit(required(o, "token"));
        ReceiverSettings settings = ReceiverSettings.of(host(required(o, "interface")));
        if (o.containsKey("timeout")) {
            java.time.Duration timeout = java.time.Duration.ofSeconds(Long.parseLong(o.get("timeout")));
            settings = new ReceiverSettings(settings.interfaceAddress(), timeout, timeout);
        }
        out.println("ADMITTED receiver=" + ticket.receiverId() + " encrypted=" + (ticket.encrypted() ? "yes" : "no"));
        out.flush();
        boolean[] receiving = {false};
        ReceiverResult result = MulticastReceiver.receive(ticket, Path.of(required(o, "dest")), settings,
                (done, total) -> {
                    if (done > 0 && !receiving[0]) {
                        receiving[0] = true;
                        out.println("RECEIVING");
                        out.flush();
                    }
                }, () -> false);
        out.printf(Locale.ROOT, "RESULT VERIFIED bytes=%d joinedAt=%d seconds=%.3f mbps=%.1f %s%n", result.bytes(), result.joinedAt(),
                result.elapsed().toNanos() / 1e9, result.bytesPerSecond() / 1e6, result.counters());
        return 0;
    }

    /**
     * Records every datagram sent to the group, as a host on the link without a ticket would, until
     * {@code --seconds} pass or, once something was heard, {@code --idle} seconds (default 3) pass
     * in silence.
     */
    private int capture(Map<String, String> o) throws MulticastException {
        InetSocketAddress group = address(required(o, "group"));
        InetAddress local = host(required(o, "interface"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(required(o, "seconds")));
        long idle = TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("idle", "3")));
        long lastHeard = 0;
        long packets = 0;
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
                Selector selector = Selector.open();
                OutputStream file = Files.newOutputStream(Path.of(required(o, "out")))) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true)
                    .setOption(StandardSocketOptions.SO_RCVBUF, 32 << 20).bind(new InetSocketAddress(group.getPort()));
            channel.join(group.getAddress(), java.net.NetworkInterface.getByInetAddress(local));
            channel.configureBlocking(false).register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(65536);
            out.println("LISTENING");
            out.flush();
            while (System.nanoTime() < until && (lastHeard == 0 || System.nanoTime() - lastHeard < idle)) {
                selector.select(50);
                selector.selectedKeys().clear();
                while (true) {
                    buffer.clear();
                    if (channel.receive(buffer) == null) {
                        break;
                    }
                    file.write(buffer.array(), 0, buffer.position());
                    packets++;
                    lastHeard = System.nanoTime();
                }
            }
        } catch (IOException e) {
            throw new MulticastException(MulticastException.Reason.IO, "capture failed: " + e.getMessage(), e);
        }
        out.println("CAPTURED packets=" + packets);
        return 0;
    }

    private int usage(String problem) {
        out.println("RESULT FAILED reason=USAGE " + problem);
        return 2;
    }

    private static String required(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null || value.equals("true")) {
            throw new IllegalArgumentException("--" + name + " is needed");
        }
        return value;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address without port: " + hostPort);
        }
        return new InetSocketAddress(host(hostPort.substring(0, colon)), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static InetAddress host(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an address: " + literal);
        }
    }

    private static SSLContext serverContext(Path keyStore, String password) throws MulticastException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, password), password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new MulticastException(MulticastException.Reason.BAD_SETTINGS,
                    "cannot use key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext clientContext(Path trustStore, String password) throws MulticastException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new MulticastException(MulticastException.Reason.BAD_SETTINGS,
                    "cannot use trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
