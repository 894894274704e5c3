package org.fenestra.multicast;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.fenestra.multicast.internal.TicketCodec;

/**
 * What an admitted receiver needs to join a session: where it is sent, the receiver's id in it
 * (its packets' origin), the manifest, and the session key when the session is encrypted.
 *
 * @since 0.1
 */
public record SessionTicket(long sessionId, InetSocketAddress group, int receiverId, SessionManifest manifest,
        Optional<SessionKey> key) {

    public SessionTicket {
        if (receiverId <= 0) {
            throw new IllegalArgumentException("receiver ids start at 1, not " + receiverId);
        }
        if (!group.getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException(group.getAddress() + " is not a multicast address");
        }
    }

    public boolean encrypted() {
        return key.isPresent();
    }

    /**
     * Writes the ticket in the key exchange's wire format (README), for a channel of the caller's
     * own that authenticates both ends (a DP hands tickets out over its HTTPS).
     */
    public void writeTo(DataOutputStream out) throws IOException {
        TicketCodec.write(this, out);
    }

    /** Reads a ticket {@link #writeTo} wrote; a malformed one is an {@link IOException}. */
    public static SessionTicket readFrom(DataInputStream in) throws IOException {
        return TicketCodec.read(in);
    }
}
