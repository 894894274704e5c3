package org.fenestra.wim.errors;

/** The WIM read from a pipe is not pipable (wimlib's WIMLIB_ERR_NOT_PIPABLE): it was not written to be applied sequentially. */
public class NotPipableException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public NotPipableException(String message) {
        super(message);
    }
}
