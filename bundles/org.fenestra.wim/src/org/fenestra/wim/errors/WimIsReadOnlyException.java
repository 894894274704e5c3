package org.fenestra.wim.errors;

/**
 * The WIM cannot be modified: its READONLY flag, file permissions, a split part, or a write in progress.
 *
 * @since 0.1
 */
public class WimIsReadOnlyException extends WimException {
    private static final long serialVersionUID = 1L;

    public WimIsReadOnlyException(String message) {
        super(message);
    }
}
