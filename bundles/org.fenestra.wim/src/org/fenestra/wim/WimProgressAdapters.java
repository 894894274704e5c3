package org.fenestra.wim;

/** Small views of a {@link WimProgress}. */
final class WimProgressAdapters {
    private WimProgressAdapters() {
    }

    /** Forwards cancellation only: for a phase whose work is not part of the task's total. */
    static WimProgress noWork(WimProgress p) {
        return new WimProgress() {
            @Override
            public boolean isCanceled() {
                return p.isCanceled();
            }
        };
    }
}
