package org.fenestra.multicast;

import java.net.InetSocketAddress;
import java.util.Optional;

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
}
