package org.fenestra.multicast;

import java.net.InetSocketAddress;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.fenestra.multicast.internal.TlsTicketClient;
import org.fenestra.multicast.internal.TlsTicketServer;

/**
 * The key exchange over TLS: the receiver checks the sender's certificate (its trust store is in
 * the {@link SSLContext}) and presents a token; the server issues a ticket (with the session key)
 * to accepted tokens only. The wire format is in the README.
 *
 * @since 0.1
 */
public final class TlsKeyExchange {

    private TlsKeyExchange() {
    }

    /** Serves tickets on {@code bind}; {@code issuer} is usually {@link MulticastSender#issueTicket}. */
    public static TicketServer serve(SSLContext context, InetSocketAddress bind, Predicate<String> tokenAccepted,
            Supplier<SessionTicket> issuer) throws MulticastException {
        return TlsTicketServer.start(context, bind, tokenAccepted, issuer);
    }

    public static SessionKeyExchange client(SSLContext context, InetSocketAddress server) {
        return new TlsTicketClient(context, server);
    }
}
