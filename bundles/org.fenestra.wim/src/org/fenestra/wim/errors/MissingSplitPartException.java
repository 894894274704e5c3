package org.fenestra.wim.errors;

/**
 * A blob lives in a part of a split WIM set that was not opened; open the set with its
 * reference parts (CLI: {@code --ref=GLOB}).
 *
 * @since 0.1
 */
public class MissingSplitPartException extends MissingBlobException {
    private static final long serialVersionUID = 1L;

    public MissingSplitPartException(String message) {
        super(message);
    }
}
