package org.fenestra.multicast;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How a receiver listens.
 *
 * @param interfaceAddress local address of the interface to join the group on
 * @param joinTimeout no valid packet this long after joining ends the receive with an error (a
 *        scheduled session may wait for more receivers before it starts)
 * @param sessionTimeout once the session was heard, the sender silent this long ends the receive
 *        with an error
 * @since 0.1
 */
public record ReceiverSettings(InetAddress interfaceAddress, Duration joinTimeout, Duration sessionTimeout) {

    public static ReceiverSettings of(InetAddress interfaceAddress) {
        return new ReceiverSettings(interfaceAddress, Duration.ofSeconds(60), Duration.ofSeconds(10));
    }
}
