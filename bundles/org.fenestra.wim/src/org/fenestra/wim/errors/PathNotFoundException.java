package org.fenestra.wim.errors;

/**
 * A path given to an operation does not exist in the image.
 *
 * @since 0.1
 */
public class PathNotFoundException extends WimException {
    private static final long serialVersionUID = 1L;

    public PathNotFoundException(String message) {
        super(message);
    }
}
