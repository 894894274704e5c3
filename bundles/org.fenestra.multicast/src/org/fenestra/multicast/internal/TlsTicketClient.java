package org.fenestra.multicast.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.fenestra.multicast.MulticastException;
import org.fenestra.multicast.MulticastException.Reason;
import org.fenestra.multicast.SessionKeyExchange;
import org.fenestra.multicast.SessionTicket;

/** The receiver's side of {@link TlsTicketServer}. */
public final class TlsTicketClient implements SessionKeyExchange {

    private final SSLContext context;
    private final InetSocketAddress server;

    public TlsTicketClient(SSLContext context, InetSocketAddress server) {
        this.context = context;
        this.server = server;
    }

    @Override
    public SessionTicket admit(String token) throws MulticastException {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > TlsTicketServer.MAX_TOKEN) {
            throw new MulticastException(Reason.BAD_SETTINGS, "token longer than " + TlsTicketServer.MAX_TOKEN + " bytes");
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(30_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            if (in.readUnsignedByte() != 1) {
                String reason = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
                throw new MulticastException(Reason.NOT_ADMITTED, server + " refused us: " + reason);
            }
            return TicketCodec.read(in);
        } catch (MulticastException e) {
            throw e;
        } catch (IOException e) {
            throw new MulticastException(Reason.NOT_ADMITTED,
                    "no ticket from " + server + ": " + e.getMessage(), e);
        }
    }
}
