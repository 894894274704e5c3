package org.fenestra.wim.errors;

/**
 * The file does not start with the magic characters of a WIM (MSWIM or WLPWM).
 *
 * @since 0.1
 */
public class NotAWimException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public NotAWimException(String message) {
        super(message);
    }

    public NotAWimException(String message, Throwable cause) {
        super(message, cause);
    }
}
