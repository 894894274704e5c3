package org.fenestra.wim.errors;

/**
 * An update names a directory where a file is needed (delete without recursion, rename over a directory).
 *
 * @since 0.1
 */
public class IsDirectoryException extends WimException {
    private static final long serialVersionUID = 1L;

    public IsDirectoryException(String message) {
        super(message);
    }
}
