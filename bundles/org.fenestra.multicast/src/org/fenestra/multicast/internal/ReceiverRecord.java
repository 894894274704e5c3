package org.fenestra.multicast.internal;

import java.time.Duration;

import org.fenestra.multicast.ReceiverOutcome;
import org.fenestra.multicast.ReceiverOutcome.State;

/** The sender's view of one admitted receiver; guarded by its own monitor. */
final class ReceiverRecord {

    final int id;
    final long admittedAt;
    final ReplayWindow replay = new ReplayWindow();
    long firstHeard;
    long lastHeard;
    java.net.SocketAddress socketAddress;
    String address = "-";
    State state = State.ACTIVE;
    long bytes;
    int lossPermille;
    Duration elapsed = Duration.ZERO;
    String detail = "";

    ReceiverRecord(int id, long admittedAt) {
        this.id = id;
        this.admittedAt = admittedAt;
    }

    synchronized boolean settled() {
        return state != State.ACTIVE;
    }

    /** Gives the receiver up when it has been silent too long; says whether it did. */
    synchronized boolean expire(long now, long receiverTimeout, long joinTimeout) {
        if (state != State.ACTIVE) {
            return false;
        }
        if (lastHeard == 0 && now - admittedAt > joinTimeout) {
            state = State.NEVER_JOINED;
            detail = "admitted but never reported";
            return true;
        }
        if (lastHeard != 0 && now - lastHeard > receiverTimeout) {
            state = State.TIMED_OUT;
            detail = "silent for " + Duration.ofNanos(now - lastHeard).toMillis() + " ms";
            return true;
        }
        return false;
    }

    synchronized ReceiverOutcome outcome() {
        return new ReceiverOutcome(id, address, state, bytes, elapsed, detail);
    }
}
