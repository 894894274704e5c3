package org.fenestra.wim.errors;

import java.io.IOException;

/**
 * Base of every error the WIM engine reports about a WIM file or an operation on it.
 *
 * @since 0.1
 */
public class WimException extends IOException {
    private static final long serialVersionUID = 1L;

    public WimException(String message) {
        super(message);
    }

    public WimException(String message, Throwable cause) {
        super(message, cause);
    }
}
