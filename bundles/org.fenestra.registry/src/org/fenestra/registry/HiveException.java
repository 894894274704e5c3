package org.fenestra.registry;

import java.io.IOException;

/**
 * A hive could not be read, changed or written. {@link #offset()} is the file offset the problem
 * was found at, or -1 when it is not about one place in the hive.
 */
public class HiveException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    public HiveException(String message) {
        this(message, -1);
    }

    public HiveException(String message, long offset) {
        super(offset >= 0 ? message + " (at offset 0x" + Long.toHexString(offset) + ")" : message);
        this.offset = offset;
    }

    /** The file offset of the problem, -1 when there is none. */
    public long offset() {
        return offset;
    }
}
