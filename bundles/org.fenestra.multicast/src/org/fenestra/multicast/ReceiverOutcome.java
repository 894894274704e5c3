package org.fenestra.multicast;

import java.time.Duration;

/**
 * What the sender knows of one receiver at the end of a session (the site's content status per
 * receiver).
 *
 * @param elapsed from the receiver's first packet to its report, as the receiver measured it
 * @since 0.1
 */
public record ReceiverOutcome(int receiverId, String address, State state, long bytes, Duration elapsed,
        String detail) {

    public enum State {
        /** Still receiving (only seen in progress snapshots). */
        ACTIVE,
        /** Reported the whole file received and its SHA-256 verified. */
        VERIFIED,
        /** Reported a failure (the detail says which). */
        FAILED,
        /** Was slower than the session's minimum rate and told to fall back (slow-receiver policy). */
        DISCONNECTED,
        /** Went silent and was given up, so it did not hold the others. */
        TIMED_OUT,
        /** Was admitted but never reported. */
        NEVER_JOINED
    }

    public double bytesPerSecond() {
        return bytes / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
