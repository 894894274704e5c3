package org.fenestra.wim.errors;

/**
 * A compressed chunk of a resource could not be decompressed.
 *
 * @since 0.1
 */
public class WimDecompressionException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public WimDecompressionException(String message) {
        super(message);
    }

    public WimDecompressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
