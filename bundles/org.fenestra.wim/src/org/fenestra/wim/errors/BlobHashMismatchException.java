package org.fenestra.wim.errors;

/**
 * The SHA-1 of a blob's data differs from the one recorded in the blob table.
 *
 * @since 0.1
 */
public class BlobHashMismatchException extends WimException {
    private static final long serialVersionUID = 1L;

    /** Where the corrupted blob is stored and what it hashed to; null when not known. */
    private final transient CorruptBlob blob;

    public BlobHashMismatchException(String message) {
        this(message, (CorruptBlob) null);
    }

    public BlobHashMismatchException(String message, Throwable cause) {
        super(message, cause);
        this.blob = cause instanceof BlobHashMismatchException m ? m.blob : null;
    }

    /** {@code blob}: the corrupted blob, as {@code verify} reports it. */
    public BlobHashMismatchException(String message, CorruptBlob blob) {
        super(message);
        this.blob = blob;
    }

    /** The corrupted blob (file, resource, expected and actual SHA-1), or null when not known. */
    public CorruptBlob blob() {
        return blob;
    }
}
