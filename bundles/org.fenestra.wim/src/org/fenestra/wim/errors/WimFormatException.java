package org.fenestra.wim.errors;

/**
 * A structure in a WIM file is malformed. The message names the file, the structure and the
 * byte offset of the structure in the file (or in the resource that holds it).
 *
 * @since 0.1
 */
public class WimFormatException extends WimException {
    private static final long serialVersionUID = 1L;

    public WimFormatException(String message) {
        super(message);
    }

    public WimFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Formats {@code file: structure at offset 0x..: detail}. */
    public static String describe(String file, String structure, long offset, String detail) {
        return file + ": " + structure + " at offset 0x" + Long.toHexString(offset) + ": " + detail;
    }
}
