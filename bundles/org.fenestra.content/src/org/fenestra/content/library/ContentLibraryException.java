package org.fenestra.content.library;

import java.io.IOException;

/**
 * A content library operation was refused or failed; the message says why in the admin's terms.
 * The library is unchanged when this is thrown (a half-written file is never visible as content).
 *
 * @since 0.1
 */
public class ContentLibraryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why, so callers (the DP server, the client) can map it onto their own answers. */
    public enum Reason {
        /** a SHA-256, package ID or relative path is malformed or would leave the library */
        INVALID_NAME,
        /** the bytes received do not hash to the SHA-256 they were sent under */
        HASH_MISMATCH,
        /** a manifest names content the library does not hold */
        MISSING_CONTENT,
        /** no such package or package version */
        NO_SUCH_PACKAGE,
        /** a stored manifest cannot be read */
        CORRUPT_MANIFEST,
        /** another writer is appending to the same partial content right now */
        BUSY,
        /** the caller cancelled; nothing was stored */
        CANCELLED
    }

    private final Reason reason;

    public ContentLibraryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ContentLibraryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
