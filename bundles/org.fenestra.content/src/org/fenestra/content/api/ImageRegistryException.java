package org.fenestra.content.api;

/**
 * A hive of an image could not be read; the message says why in the admin's terms.
 *
 * @since 0.1
 */
public class ImageRegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** no image in the catalog has the ID */
        NO_SUCH_IMAGE,
        /** the stored WIM has no image at the index */
        INDEX_OUT_OF_RANGE,
        /** the image has no file at the hive's path */
        NO_SUCH_FILE,
        /** the file is no usable registry hive (corrupt, or dirty without usable logs) */
        NOT_A_HIVE,
        /** the stored WIM cannot be opened or read (gone, damaged, the share unreachable, the catalog down) */
        UNREADABLE,
        CANCELLED
    }

    private final Reason reason;

    public ImageRegistryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
