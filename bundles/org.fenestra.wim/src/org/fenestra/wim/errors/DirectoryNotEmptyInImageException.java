package org.fenestra.wim.errors;

/**
 * A rename would replace a directory of the image that is not empty, or move a directory into itself.
 *
 * @since 0.1
 */
public class DirectoryNotEmptyInImageException extends WimException {
    private static final long serialVersionUID = 1L;

    public DirectoryNotEmptyInImageException(String message) {
        super(message);
    }
}
