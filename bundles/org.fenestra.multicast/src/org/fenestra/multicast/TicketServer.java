package org.fenestra.multicast;

import java.net.InetSocketAddress;

/**
 * The sender's side of a {@link SessionKeyExchange}: admits receivers that present an accepted
 * token, until closed.
 *
 * @since 0.1
 */
public interface TicketServer extends AutoCloseable {

    InetSocketAddress address();

    /** Tokens refused so far. */
    long refused();

    @Override
    void close();
}
