package org.fenestra.wim.errors;

/**
 * The operation was cancelled through its {@link WimProgress}.
 *
 * @since 0.1
 */
public class WimCancelledException extends WimException {
    private static final long serialVersionUID = 1L;

    public WimCancelledException(String message) {
        super(message);
    }

    public WimCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
