package org.fenestra.content.api;

/**
 * An OS image could not be imported; the message says why in the admin's terms. Nothing was
 * written to the catalog or next to the source when this is thrown.
 *
 * @since 0.1
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, so the wizard can point at the field to fix. */
    public enum Reason {
        EULA_NOT_ACCEPTED, SOURCE_NOT_FOUND, NOT_A_WIM, CORRUPT_WIM, INDEX_OUT_OF_RANGE, DUPLICATE_NAME,
        INVALID_ARGUMENT, WRITE_FAILED, CANCELLED, CATALOG_FAILED,
        /** the SMB server refused the configured user name or password ({@code fenestra.smb.*}) */
        SHARE_LOGON_FAILED,
        /** no SMB server answered for a UNC source */
        SOURCE_UNREACHABLE,
        /** the extracted WIM does not fit where it must be written; see {@link InsufficientSpaceException} */
        INSUFFICIENT_SPACE,
        /** the image's XML records no processor architecture and the request gives none: ask the admin */
        ARCHITECTURE_UNKNOWN,
        /**
         * an OS upgrade package's folder is not Windows setup media Fenestra can service: no {@code setup.exe},
         * no {@code sources/install.wim} (an {@code install.esd} is named as unsupported)
         *
         * @since 0.1
         */
        NOT_SETUP_MEDIA
    }

    private final Reason reason;

    public ImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
