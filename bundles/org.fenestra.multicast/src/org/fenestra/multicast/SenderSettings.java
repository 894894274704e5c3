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
 * @param slowerStreamBelow slow-receiver policy "split into streams": a receiver whose goodput is
 *        below this fraction of the other active receivers' median (measured after its first
 *        seconds) is moved out of this session (DISMISS) to take a slower stream; 0 keeps them
 * @since 0.1
 */
public record SenderSettings(InetSocketAddress group, InetAddress interfaceAddress, long maxRateBytesPerSecond,
        Duration receiverTimeout, Duration joinTimeout, long minReceiverRate, double slowerStreamBelow) {

    public SenderSettings {
        if (!group.getAddress().isMulticastAddress()) {
            throw new IllegalArgumentException(group.getAddress() + " is not a multicast address");
        }
        if (maxRateBytesPerSecond < 100_000) {
            throw new IllegalArgumentException("maximum rate below 100 kB/s: " + maxRateBytesPerSecond);
        }
        if (!(slowerStreamBelow >= 0 && slowerStreamBelow < 1)) {
            throw new IllegalArgumentException("a slower stream's threshold is a fraction below 1: " + slowerStreamBelow);
        }
    }

    public static SenderSettings of(InetSocketAddress group, InetAddress interfaceAddress) {
        return new SenderSettings(group, interfaceAddress, 125_000_000L, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 0, 0);
    }

    public SenderSettings withMaxRate(long bytesPerSecond) {
        return new SenderSettings(group, interfaceAddress, bytesPerSecond, receiverTimeout, joinTimeout,
                minReceiverRate, slowerStreamBelow);
    }

    public SenderSettings withTimeouts(Duration receiver, Duration join) {
        return new SenderSettings(group, interfaceAddress, maxRateBytesPerSecond, receiver, join, minReceiverRate,
                slowerStreamBelow);
    }

    /** Slow-receiver policy "disconnect below {@code bytesPerSecond}" (0: none). */
    public SenderSettings withMinReceiverRate(long bytesPerSecond) {
        return new SenderSettings(group, interfaceAddress, maxRateBytesPerSecond, receiverTimeout, joinTimeout,
                bytesPerSecond, slowerStreamBelow);
    }

    /**
     * Slow-receiver policy "split into streams": receivers below {@code fraction} of the others'
     * median goodput leave this session for a slower one (0: none).
     */
    public SenderSettings withSlowerStreamBelow(double fraction) {
        return new SenderSettings(group, interfaceAddress, maxRateBytesPerSecond, receiverTimeout, joinTimeout,
                minReceiverRate, fraction);
    }
}
