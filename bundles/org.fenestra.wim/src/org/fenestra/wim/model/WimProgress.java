package org.fenestra.wim.model;

import org.fenestra.wim.errors.WimCancelledException;

/**
 * Progress of a long operation, in the style of Eclipse's {@code IProgressMonitor}. Long
 * operations poll {@link #isCanceled()} and throw {@link WimCancelledException} when it
 * returns true.
 *
 * @since 0.1
 */
public interface WimProgress {

    /** A monitor that reports nothing and never cancels. */
    WimProgress NONE = new WimProgress() {
    };

    /** Starts the task; {@code totalWork} is in units the operation documents (bytes here). */
    default void beginTask(String name, long totalWork) {
    }

    default void worked(long work) {
    }

    default void subTask(String name) {
    }

    default boolean isCanceled() {
        return false;
    }

    default void done() {
    }

    /** Throws {@link WimCancelledException} if the monitor asks to cancel. */
    static void checkCanceled(WimProgress progress) throws WimCancelledException {
        if (progress.isCanceled()) {
            throw new WimCancelledException("operation cancelled");
        }
    }
}
