package org.fenestra.multicast;

import java.io.IOException;

/**
 * A multicast transfer that could not be done, with the reason as a value so callers (a DP, the
 * client command) can react without parsing messages.
 *
 * @since 0.1
 */
public final class MulticastException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a transfer failed. */
    public enum Reason {
        /** The key exchange refused us (bad token) or could not be reached. */
        NOT_ADMITTED,
        /** No packet of the session arrived in time. */
        NO_SESSION,
        /** Packets of the session arrive but none authenticates with our key. */
        KEY_REJECTED,
        /** The sender went silent mid-session. */
        SENDER_LOST,
        /** The sender disconnected us: slower than the session's minimum rate (fall back to HTTPS). */
        TOO_SLOW,
        /** The sender ended the session before we had everything. */
        SESSION_ENDED,
        /** The received file does not hash to the manifest's hash. */
        HASH_MISMATCH,
        /** A setting or argument is unusable (named in the message). */
        BAD_SETTINGS,
        /** The transfer was cancelled by its caller. */
        CANCELLED,
        /** Reading, writing or the network failed (the cause says how). */
        IO
    }

    private final Reason reason;

    public MulticastException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MulticastException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
