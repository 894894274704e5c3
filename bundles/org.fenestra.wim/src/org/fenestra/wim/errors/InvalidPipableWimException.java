package org.fenestra.wim.errors;

/** A pipable WIM read from a pipe holds something else than the next structure its layout promises (wimlib's WIMLIB_ERR_INVALID_PIPABLE_WIM). */
public class InvalidPipableWimException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidPipableWimException(String message) {
        super(message);
    }
}
