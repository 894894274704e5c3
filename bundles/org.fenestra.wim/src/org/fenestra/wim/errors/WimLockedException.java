package org.fenestra.wim.errors;

/**
 * Another process is changing the WIM (it holds the WIM's write lock).
 *
 * @since 0.1
 */
public class WimLockedException extends WimException {
    private static final long serialVersionUID = 1L;

    public WimLockedException(String message) {
        super(message);
    }
}
