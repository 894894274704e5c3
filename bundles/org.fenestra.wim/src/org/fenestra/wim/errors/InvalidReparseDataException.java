package org.fenestra.wim.errors;

/**
 * Reparse point data of a file is malformed.
 *
 * @since 0.1
 */
public class InvalidReparseDataException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidReparseDataException(String message) {
        super(message);
    }

    public InvalidReparseDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
