package org.fenestra.cab.errors;

/**
 * An entry's name would be written outside the target folder: it holds {@code ..}, is absolute,
 * starts with a drive letter, holds a NUL, or leads through a symbolic link in the target.
 * Extraction refuses the cabinet before writing anything.
 *
 * @since 0.1
 */
public class UnsafeEntryNameException extends CabException {
    private static final long serialVersionUID = 1L;

    private final String entryName;

    public UnsafeEntryNameException(String message, String entryName) {
        super(message);
        this.entryName = entryName;
    }

    /** The entry's name as the cabinet stores it. */
    public String entryName() {
        return entryName;
    }
}
