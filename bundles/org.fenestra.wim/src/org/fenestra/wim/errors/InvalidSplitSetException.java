package org.fenestra.wim.errors;

/**
 * The files given as a split WIM's parts do not form one complete set.
 *
 * @since 0.1
 */
public class InvalidSplitSetException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidSplitSetException(String message) {
        super(message);
    }
}
