package org.fenestra.wim.errors;

/** An added file would replace one the image has, and replacing was not allowed ({@code --no-replace}). */
public class InvalidOverlayException extends WimException {
    private static final long serialVersionUID = 1L;

    public InvalidOverlayException(String message) {
        super(message);
    }
}
