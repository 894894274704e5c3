package org.fenestra.dism;

/**
 * Progress and cancellation of one long DISM call. DISM reports {@code current} of {@code total}
 * (its own units, usually per mille); {@link #isCanceled()} is asked during the call, and once it
 * answers {@code true} the call is cancelled through DISM's cancel event and ends with a
 * {@link DismCancelledException}.
 *
 * @since 0.1
 */
public interface DismProgress {

    /** Reports nothing and never cancels. */
    DismProgress NONE = (current, total) -> {
    };

    /** Called on the calling thread or on a DISM thread; must return quickly and not throw. */
    void worked(long current, long total);

    default boolean isCanceled() {
        return false;
    }
}
