package org.fenestra.registry;

/** A {@code .reg} file that is not in Regedit's format; {@link #line()} is its 1-based line. */
public class RegFileException extends HiveException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public RegFileException(String message, int line) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
