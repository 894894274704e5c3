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

    /** The operation starts {@code activity} ({@code detail} as {@link WimActivity} documents it, or null). */
    default void activity(WimActivity activity, String detail) {
    }

    /**
     * Progress within the current activity, where it has its own measure apart from the task's
     * work ({@link WimActivity#CREATE_FILES}, {@link WimActivity#APPLY_METADATA},
     * {@link WimActivity#CALC_INTEGRITY}).
     */
    default void activityWork(long done, long total) {
    }

    /** Capture has read {@code bytes} of file data in {@code files} files and {@code directories} directories so far. */
    default void scanned(long bytes, long files, long directories) {
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
