package org.fenestra.cab.errors;

/**
 * A well-formed cabinet uses what this reader does not read: Quantum compression, an unknown
 * compression type or format version, or a cabinet that is one part of a multi-cabinet set.
 *
 * @since 0.1
 */
public class UnsupportedCabinetException extends CabException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCabinetException(String message) {
        super(message);
    }
}
