package org.fenestra.wim.errors;

/**
 * A structure or resource extends beyond the end of the file.
 *
 * @since 0.1
 */
public class TruncatedWimException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public TruncatedWimException(String message) {
        super(message);
    }

    public TruncatedWimException(String message, Throwable cause) {
        super(message, cause);
    }
}
