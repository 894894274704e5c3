package org.fenestra.wim.internal.write;

import org.fenestra.wim.model.WimProgress;

/** Progress that asks to cancel once more than {@code limit} units of work were reported. */
final class CancelAfterWork implements WimProgress {
    private final long limit;
    private long work;

    CancelAfterWork(long limit) {
        this.limit = limit;
    }

    @Override
    public void worked(long w) {
        work += w;
    }

    @Override
    public boolean isCanceled() {
        return work > limit;
    }
}
