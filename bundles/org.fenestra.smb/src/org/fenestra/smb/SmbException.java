package org.fenestra.smb;

import java.io.IOException;

/**
 * An SMB operation failed for a reason the admin can act on; {@link #kind()} says which.
 *
 * @since 0.1
 */
public class SmbException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the admin's terms. */
    public enum Kind {
        /** the server refused the user name or password */
        AUTHENTICATION_FAILED,
        /** the server has no share of that name (or hides it from this user) */
        SHARE_NOT_FOUND,
        /** no SMB server answered at that address and port */
        HOST_UNREACHABLE,
        /** the share has no room left for the data being written */
        DISK_FULL,
        /** any other error the server reported */
        OTHER
    }

    private final Kind kind;

    public SmbException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
