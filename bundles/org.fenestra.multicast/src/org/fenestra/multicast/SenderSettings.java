package org.fenestra.multicast;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How a sender runs a session.
 *
 * @param group multicast address and UDP port of the session (239.0.0.0/8 in the product)
 * @param interfaceAddress local address of the interface to send on (and to hear receivers on)
 * @param maxRateBytesPerSecond ceiling of the send rate; congestion control works below it
 * @param receiverTimeout a receiver silent this long is given up (it no longer holds the session)
 * @param joinTimeout a receiver given a ticket that has not reported this long is given up
 * @param minReceiverRate slow-receiver policy "disconnect": a receiver slower than this (bytes per
 *        second, measured after its first seconds) is disconnected so it can fall back to HTTPS;
 *        0 keeps every receiver however slow
 * @since 0.1
 */
public record SenderSettings(InetSocketAddress group, InetAddress interfaceAddress, long maxRateBytesPerSecond,
        Duration receiverTimeout, Duration joinTimeout, long minReceiverRate) {

    public SenderSettings {
        if (!group.getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException(group.getAddress() + " is not a multicast address");
        }
        if (maxRateBytesPerSecond < 100_000) {
            throw new IllegalArgumentException("maximum rate below 100 kB/s: " + maxRateBytesPerSecond);
        }
    }

    public static SenderSettings of(InetSocketAddress group, InetAddress interfaceAddress) {
        return new SenderSettings(group, interfaceAddress, 125_000_000L, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 0);
    }

    public SenderSettings withMaxRate(long bytesPerSecond) {
        return new SenderSettings(group, interfaceAddress, bytesPerSecond, receiverTimeout, joinTimeout,
                minReceiverRate);
    }

    public SenderSettings withTimeouts(Duration receiver, Duration join) {
        return new SenderSettings(group, interfaceAddress, maxRateBytesPerSecond, receiver, join, minReceiverRate);
    }

    /** Slow-receiver policy "disconnect below {@code bytesPerSecond}" (0: none). */
    public SenderSettings withMinReceiverRate(long bytesPerSecond) {
        return new SenderSettings(group, interfaceAddress, maxRateBytesPerSecond, receiverTimeout, joinTimeout,
                bytesPerSecond);
    }
}
