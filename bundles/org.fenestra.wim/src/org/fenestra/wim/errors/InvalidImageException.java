package org.fenestra.wim.errors;

/**
 * An image index or name does not select an image of the WIM.
 *
 * @since 0.1
 */
public class InvalidImageException extends WimException {
    private static final long serialVersionUID = 1L;

    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
