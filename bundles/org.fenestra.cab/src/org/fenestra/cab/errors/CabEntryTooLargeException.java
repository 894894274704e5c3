package org.fenestra.cab.errors;

/**
 * An entry is larger than the caller allows to be read into memory.
 *
 * @since 0.1
 */
public class CabEntryTooLargeException extends CabException {
    private static final long serialVersionUID = 1L;

    public CabEntryTooLargeException(String message) {
        super(message);
    }
}
