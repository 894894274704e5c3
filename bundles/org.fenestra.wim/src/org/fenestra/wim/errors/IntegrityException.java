package org.fenestra.wim.errors;

/**
 * The integrity table does not match the file contents.
 *
 * @since 0.1
 */
public class IntegrityException extends WimException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
