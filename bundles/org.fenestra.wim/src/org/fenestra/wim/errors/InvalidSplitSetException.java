package org.fenestra.wim.errors;

/** The files given as a split WIM's parts do not form one complete set. */
public class InvalidSplitSetException extends WimFormatException {
    private static final long serialVersionUID = 1L;

    public InvalidSplitSetException(String message) {
        super(message);
    }
}
