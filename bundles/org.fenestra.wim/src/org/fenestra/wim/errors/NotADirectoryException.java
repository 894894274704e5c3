package org.fenestra.wim.errors;

/**
 * An update needs a directory where the image has a file.
 *
 * @since 0.1
 */
public class NotADirectoryException extends WimException {
    private static final long serialVersionUID = 1L;

    public NotADirectoryException(String message) {
        super(message);
    }
}
