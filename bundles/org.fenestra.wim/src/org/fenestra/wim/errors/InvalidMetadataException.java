package org.fenestra.wim.errors;

/**
 * An image metadata resource (security data or directory entries) is malformed.
 *
 * @since 0.1
 */
public class InvalidMetadataException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidMetadataException(String message) {
        super(message);
    }

    public InvalidMetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
