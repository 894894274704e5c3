package org.fenestra.cab.errors;

import java.io.IOException;

/**
 * A cabinet could not be read or extracted. The message names the cabinet file; subtypes say why.
 *
 * @since 0.1
 */
public class CabException extends IOException {
    private static final long serialVersionUID = 1L;

    public CabException(String message) {
        super(message);
    }

    public CabException(String message, Throwable cause) {
        super(message, cause);
    }
}
