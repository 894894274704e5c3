package org.fenestra.wim.errors;

/** A path given to an operation does not exist in the image. */
public class PathNotFoundException extends WimException {
    private static final long serialVersionUID = 1L;

    public PathNotFoundException(String message) {
        super(message);
    }
}
