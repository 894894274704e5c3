package org.fenestra.wim.errors;

/**
 * The WIM header names a format version other than 0x10D00 and 0xE00.
 *
 * @since 0.1
 */
public class UnknownWimVersionException extends UnsupportedWimException {
    private static final long serialVersionUID = 1L;

    public UnknownWimVersionException(String message) {
        super(message);
    }

    public UnknownWimVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
