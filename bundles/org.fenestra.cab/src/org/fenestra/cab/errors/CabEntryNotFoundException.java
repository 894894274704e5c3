package org.fenestra.cab.errors;

/**
 * No entry of the cabinet has the name asked for.
 *
 * @since 0.1
 */
public class CabEntryNotFoundException extends CabException {
    private static final long serialVersionUID = 1L;

    public CabEntryNotFoundException(String message) {
        super(message);
    }
}
