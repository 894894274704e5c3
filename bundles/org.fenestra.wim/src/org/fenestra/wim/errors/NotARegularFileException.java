package org.fenestra.wim.errors;

/** A path that must name a regular file (e.g. for extraction to standard output) names something else. */
public class NotARegularFileException extends WimException {
    private static final long serialVersionUID = 1L;

    public NotARegularFileException(String message) {
        super(message);
    }
}
