package org.fenestra.wim.errors;

/**
 * A file's data (blob) is not in any of the opened WIM parts.
 *
 * @since 0.1
 */
public class MissingBlobException extends WimException {
    private static final long serialVersionUID = 1L;

    public MissingBlobException(String message) {
        super(message);
    }

    public MissingBlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
