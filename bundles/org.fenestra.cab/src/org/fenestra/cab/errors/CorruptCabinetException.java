package org.fenestra.cab.errors;

/**
 * The cabinet's bytes break the MS-CAB format: a bad signature, a length or offset outside the
 * file, a data block whose checksum or sizes do not match, compressed data that does not decode.
 * {@link #offset()} is where in the file the faulty structure starts.
 *
 * @since 0.1
 */
public class CorruptCabinetException extends CabException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public CorruptCabinetException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    public CorruptCabinetException(String message, long offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Offset in the cabinet file of the structure found faulty. */
    public long offset() {
        return offset;
    }
}
