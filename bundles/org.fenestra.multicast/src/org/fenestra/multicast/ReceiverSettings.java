package org.fenestra.multicast;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How a receiver listens.
 *
 * @param interfaceAddress local address of the interface to join the group on
 * @param sessionTimeout no valid packet from the sender this long ends the receive with an error
 * @since 0.1
 */
public record ReceiverSettings(InetAddress interfaceAddress, Duration sessionTimeout) {

    public static ReceiverSettings of(InetAddress interfaceAddress) {
        return new ReceiverSettings(interfaceAddress, Duration.ofSeconds(10));
    }
}
