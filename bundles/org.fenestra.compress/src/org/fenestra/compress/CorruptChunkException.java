package org.fenestra.compress;

import java.io.IOException;

/**
 * A compressed chunk is malformed. The message says which codec and where in the chunk.
 *
 * @since 0.1
 */
public class CorruptChunkException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptChunkException(String message) {
        super(message);
    }
}
