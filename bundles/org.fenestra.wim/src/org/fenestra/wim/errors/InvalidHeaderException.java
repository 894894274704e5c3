package org.fenestra.wim.errors;

/**
 * The 208-byte WIM header holds an impossible value (size, part number, compression, chunk size).
 *
 * @since 0.1
 */
public class InvalidHeaderException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidHeaderException(String message) {
        super(message);
    }

    public InvalidHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
