package org.fenestra.cab;

import java.nio.file.Path;

/**
 * Progress of an extraction, and the way to cancel it. Called on the extracting thread(s);
 * implementations must be thread-safe when several folders are extracted at once.
 *
 * @since 0.1
 */
public interface CabProgress {

    /** Reports nothing and never cancels. */
    CabProgress NONE = new CabProgress() {
    };

    /** An entry is about to be written to {@code target}. */
    default void entry(CabEntry entry, Path target) {
    }

    /** {@code done} of {@code total} uncompressed bytes are written. */
    default void bytes(long done, long total) {
    }

    /** Polled between data blocks: true stops the work with a {@code CabCancelledException}. */
    default boolean isCancelled() {
        return false;
    }
}
