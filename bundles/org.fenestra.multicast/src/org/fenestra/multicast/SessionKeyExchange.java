package org.fenestra.multicast;

/**
 * How a receiver is admitted to a session: it proves who it is over an authenticated unicast
 * channel and gets its {@link SessionTicket} (with the session key) back. The product uses TLS
 * ({@link TlsKeyExchange}).
 *
 * @since 0.1
 */
public interface SessionKeyExchange {

    /** Presents {@code token} and returns the ticket; refused or unreachable is {@code NOT_ADMITTED}. */
    SessionTicket admit(String token) throws MulticastException;
}
