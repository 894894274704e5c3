package org.fenestra.cab.errors;

/**
 * The caller cancelled a long operation through its progress callback. Files not finished are
 * not left behind.
 *
 * @since 0.1
 */
public class CabCancelledException extends CabException {
    private static final long serialVersionUID = 1L;

    public CabCancelledException(String message) {
        super(message);
    }
}
