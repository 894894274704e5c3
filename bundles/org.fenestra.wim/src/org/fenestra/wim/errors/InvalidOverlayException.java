package org.fenestra.wim.errors;

/**
 * An added file would replace one the image has, and replacing was not allowed ({@code --no-replace}).
 *
 * @since 0.1
 */
public class InvalidOverlayException extends WimException {
    private static final long serialVersionUID = 1L;

    public InvalidOverlayException(String message) {
        super(message);
    }
}
