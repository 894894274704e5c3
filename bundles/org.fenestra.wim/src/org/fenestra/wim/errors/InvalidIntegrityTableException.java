package org.fenestra.wim.errors;

/**
 * The integrity table is malformed.
 *
 * @since 0.1
 */
public class InvalidIntegrityTableException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidIntegrityTableException(String message) {
        super(message);
    }

    public InvalidIntegrityTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
