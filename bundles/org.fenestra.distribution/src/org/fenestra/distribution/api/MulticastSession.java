package org.fenestra.distribution.api;

import java.util.List;

/**
 * A multicast session on a DP, running or recently ended, with what each receiver reported.
 *
 * @param stream 1, or with the DP splitting receivers by speed, the stream (1 fastest, up to 3)
 * @param state WAITING (scheduled-cast or a slower stream, not started), RUNNING, ENDED or FAILED
 * @param size  the image file's size in bytes
 * @since 0.1
 */
public record MulticastSession(String dpName, long id, String imageId, int stream, String group, String state,
        boolean encrypted, long size, List<Receiver> receivers) {

    public MulticastSession {
        receivers = List.copyOf(receivers);
    }

    /** How much of the image the receiver holds, 0–100. */
    public int percentOf(Receiver receiver) {
        return size == 0 ? 0 : (int) Math.min(100, receiver.bytes() * 100 / size);
    }

    /**
     * One receiver of the session.
     *
     * @param state  ACTIVE, VERIFIED, FAILED, DISCONNECTED (too slow: it downloads over HTTPS),
     *               TIMED_OUT or NEVER_JOINED
     * @param bytes  what it holds (at the end: what it verified)
     * @param detail its failure in words, else empty
     */
    public record Receiver(int id, String address, String state, long bytes, long bytesPerSecond, String detail) {
    }
}
