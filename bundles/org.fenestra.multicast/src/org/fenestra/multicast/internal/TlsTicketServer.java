package org.fenestra.multicast.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastException.Reason;
import org.fenestra.multicast.SessionTicket;
import org.fenestra.multicast.TicketServer;

/**
 * Serves tickets over TLS: the client sends its token (u16 length, UTF-8), the server answers 1
 * and a ticket ({@link TicketCodec}) or 0 and a reason (u16 length, UTF-8). Each connection has
 * its own virtual thread, so one slow handshake does not hold the others back.
 */
public final class TlsTicketServer implements TicketServer {

    static final int MAX_TOKEN = 4096;

    private final SSLServerSocket socket;
    private final Predicate<String> tokenAccepted;
    private final Supplier<SessionTicket> issuer;
    private final AtomicLong refused = new AtomicLong();

    private TlsTicketServer(SSLServerSocket socket, Predicate<String> tokenAccepted, Supplier<SessionTicket> issuer) {
        this.socket = socket;
        this.tokenAccepted = tokenAccepted;
        this.issuer = issuer;
    }

    public static TlsTicketServer start(SSLContext context, InetSocketAddress bind, Predicate<String> tokenAccepted,
            Supplier<SessionTicket> issuer) throws MulticastException {
        try {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(bind);
            TlsTicketServer server = new TlsTicketServer(socket, tokenAccepted, issuer);
            Thread.ofPlatform().name("fenestra-multicast-tickets").daemon().start(server::serve);
            return server;
        } catch (IOException e) {
            throw new MulticastException(Reason.IO, "cannot serve tickets on " + bind + ": " + e.getMessage(), e);
        }
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().name("fenestra-multicast-ticket").start(() -> answer(client));
            } catch (IOException e) {
                // closed (the loop ends) or one failed accept (the next one may work)
            }
        }
    }

    private void answer(Socket connection) {
        try (Socket client = connection) {
            client.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            int length = in.readUnsignedShort();
            if (length > MAX_TOKEN) {
                refuse(out, "token too long");
                return;
            }
            String token = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (!tokenAccepted.test(token)) {
                refuse(out, "token not accepted");
                return;
            }
            out.writeByte(1);
            TicketCodec.write(issuer.get(), out);
        } catch (IOException e) {
            // a failed handshake or a client that went away: it gets no ticket
        }
    }

    private void refuse(DataOutputStream out, String reason) throws IOException {
        refused.incrementAndGet();
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        out.writeByte(0);
        out.writeShort(bytes.length);
        out.write(bytes);
        out.flush();
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing held
        }
    }
}
