package org.fenestra.distribution.api;

/**
 * A distribution request was refused or could not be done; the message says why in the admin's
 * terms.
 *
 * @since 0.1
 */
public class DistributionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, so the console and the workbench can point at what to fix. */
    public enum Reason {
        INVALID_ARGUMENT, NO_SUCH_IMAGE, NO_SUCH_DP, DUPLICATE_DP,
        /** no deployment has that ID */
        NO_SUCH_DEPLOYMENT,
        /** the image's stored WIM cannot be read */
        CONTENT_UNREADABLE,
        /** the DP could not be reached or refused the site */
        DP_UNREACHABLE,
        CATALOG_FAILED,
        /** refused by a multicast rule (only via multicast, multicast disabled or not allowed) */
        MULTICAST_RULE
    }

    private final Reason reason;

    public DistributionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DistributionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
