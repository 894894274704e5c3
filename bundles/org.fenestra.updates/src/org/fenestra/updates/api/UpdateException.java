package org.fenestra.updates.api;

import java.util.Objects;

/**
 * A software-updates operation failed; the message says what and, for a package or source,
 * names the file. Whatever the operation was writing for that file or source was not recorded.
 *
 * @since 0.1
 */
public class UpdateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @since 0.1 */
    public enum Reason {
        INVALID_ARGUMENT,
        DUPLICATE_SOURCE,
        NO_SUCH_SOURCE,
        NO_SUCH_UPDATE,
        NO_SUCH_IMAGE,
        /** The source folder does not exist or is not a folder. */
        SOURCE_NOT_FOUND,
        /** The share cannot be reached or refuses the logon, or the folder cannot be listed. */
        SOURCE_UNREADABLE,
        /** A package file is damaged or not what its name says (truncated, bad checksum, malformed {@code .mum}, unsafe names). */
        BAD_PACKAGE,
        /** A package uses a format feature Fenestra does not read (a compression type, a multi-cabinet set). */
        UNSUPPORTED_PACKAGE,
        /** An image's WIM cannot be read. */
        BAD_IMAGE,
        /** A package's content no longer hashes to what synchronize recorded. */
        HASH_MISMATCH,
        /** The content library cannot store the content. */
        CONTENT_LIBRARY,
        CANCELLED,
        DATABASE
    }

    private final Reason reason;
    private final String file;

    public UpdateException(Reason reason, String file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file == null ? "" : file;
    }

    public UpdateException(Reason reason, String message) {
        this(reason, null, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The file (package, source folder or image) the error is about; empty when none. */
    public String file() {
        return file;
    }
}
