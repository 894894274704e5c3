package org.fenestra.content.api;

/**
 * The extracted WIM does not fit on the volume or share it must be written to: either the
 * check before writing found too little usable space, or the target ran full while writing
 * (nothing is left behind either way).
 *
 * @since 0.1
 */
public class InsufficientSpaceException extends ImportException {
    private static final long serialVersionUID = 1L;

    private final long neededBytes;
    private final long availableBytes;

    public InsufficientSpaceException(String target, long neededBytes, long availableBytes, Throwable cause) {
        super(Reason.INSUFFICIENT_SPACE, "not enough space for " + target + ": up to " + neededBytes
                + " bytes are needed, " + availableBytes + " bytes are available; free "
                + Math.max(0, neededBytes - availableBytes) + " bytes or more and try again; nothing was added", cause);
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** An upper bound of the new file's size. */
    public long neededBytes() {
        return neededBytes;
    }

    /** Usable space of the target when the error was found. */
    public long availableBytes() {
        return availableBytes;
    }
}
