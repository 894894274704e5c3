package org.fenestra.wim.model;

/**
 * Small views of a {@link WimProgress}.
 *
 * @since 0.1
 */
public final class WimProgressAdapters {
    private WimProgressAdapters() {
    }

    /** Forwards cancellation only: for a phase whose work is not part of the task's total. */
    public static WimProgress noWork(WimProgress p) {
        return new WimProgress() {
            @Override
            public boolean isCanceled() {
                return p.isCanceled();
            }
        };
    }
}
