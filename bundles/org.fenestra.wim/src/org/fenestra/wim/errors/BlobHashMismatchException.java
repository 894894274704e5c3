package org.fenestra.wim.errors;

/**
 * The SHA-1 of a blob's data differs from the one recorded in the blob table.
 *
 * @since 0.1
 */
public class BlobHashMismatchException extends WimException {
    private static final long serialVersionUID = 1L;

    public BlobHashMismatchException(String message) {
        super(message);
    }

    public BlobHashMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
