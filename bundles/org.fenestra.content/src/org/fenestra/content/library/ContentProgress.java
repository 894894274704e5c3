package org.fenestra.content.library;

/**
 * Hears how many bytes a long library operation (store, verify, validate) has handled, and can
 * cancel it: when {@link #isCancelled()} answers true the operation stops with
 * {@link ContentLibraryException.Reason#CANCELLED} and stores nothing.
 *
 * @since 0.1
 */
public interface ContentProgress {

    /** Nobody listens and nothing cancels. */
    ContentProgress NONE = bytes -> {
    };

    /** {@code bytes} more were read or written since the last call. */
    void advanced(long bytes);

    default boolean isCancelled() {
        return false;
    }
}
