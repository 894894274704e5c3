package org.fenestra.wim.errors;

/**
 * The WIM uses a feature this engine does not read.
 *
 * @since 0.1
 */
public class UnsupportedWimException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedWimException(String message) {
        super(message);
    }

    public UnsupportedWimException(String message, Throwable cause) {
        super(message, cause);
    }
}
