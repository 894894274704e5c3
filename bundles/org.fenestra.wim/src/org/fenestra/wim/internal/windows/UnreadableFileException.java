package org.fenestra.wim.internal.windows;

import java.io.IOException;

/** One file of the tree cannot be used (too large, damaged); the inspection goes on without it. */
public final class UnreadableFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
