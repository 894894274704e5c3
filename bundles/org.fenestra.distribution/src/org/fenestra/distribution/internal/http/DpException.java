package org.fenestra.distribution.internal.http;

import java.io.IOException;

/** A DP answered with an error status; the message is the DP's sentence. */
public final class DpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public DpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
