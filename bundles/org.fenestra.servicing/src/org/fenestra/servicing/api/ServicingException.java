package org.fenestra.servicing.api;

import java.util.Objects;

/**
 * Servicing failed; the message says what in an admin's words and names the package or image.
 * Whatever the failing call was changing was not kept.
 *
 * @since 0.1
 */
public class ServicingException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @since 0.1 */
    public enum Reason {
        INVALID_ARGUMENT,
        /** The WIM is not one, has no such index, or is damaged. */
        BAD_IMAGE,
        /** The package file is damaged or breaks its format's rules. */
        BAD_PACKAGE,
        /** The package does not fit this image (a file to add exists already, one to replace or delete is missing, ...). */
        NOT_APPLICABLE,
        /** Reading or writing files failed (disk full, permissions). */
        IO,
        /** The session was committed, discarded or closed already. */
        CLOSED,
        CANCELLED,
        /** The catalog has no image of that ID. */
        NO_SUCH_IMAGE,
        /** The updates catalog has no update of that ID. */
        NO_SUCH_UPDATE,
        /** An update was never downloaded into the content library (or its content is gone). */
        NOT_DOWNLOADED,
        /**
         * The servicer's own tooling is older than the image's Windows (DISM of an older release than
         * the image): servicing with it can corrupt the image, so it is refused.
         */
        SERVICER_OUTDATED,
        /** Optimize was asked for an image whose WIM holds several images. */
        OPTIMIZE_REFUSED,
        /** A run of the image is in process already. */
        BUSY,
        /** The servicing drive has less free space than the run needs. */
        NO_SPACE,
        /** The site database failed. */
        DATABASE
    }

    private final Reason reason;

    public ServicingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ServicingException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
