package org.fenestra.wim.errors;

/**
 * A blob table entry is malformed or points outside the file.
 *
 * @since 0.1
 */
public class InvalidBlobTableException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidBlobTableException(String message) {
        super(message);
    }

    public InvalidBlobTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
