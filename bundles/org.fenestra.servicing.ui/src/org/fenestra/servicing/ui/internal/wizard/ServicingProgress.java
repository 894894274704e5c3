package org.fenestra.servicing.ui.internal.wizard;

import java.util.function.IntSupplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.wim.model.WimProgress;

/**
 * A servicing run's progress on the wizard's progress bar: the step names the pipeline reports, and
 * the percentage it records on the run (the one the Scheduled Updates Status column shows), read at
 * most twice a second while the pipeline asks whether to cancel. The WIM engine's own byte counts
 * (nested tasks of copy, update and export) are not summed: they restart with each step.
 */
final class ServicingProgress implements WimProgress {

    private static final long POLL_NANOS = 500_000_000L;

    private final IProgressMonitor monitor;
    private final IntSupplier percentDone;
    private boolean named;
    private int reported;
    private long lastPoll = System.nanoTime();

    /** @param percentDone the run's recorded percentage (called from the servicing thread) */
    ServicingProgress(IProgressMonitor monitor, String task, IntSupplier percentDone) {
        this.monitor = monitor;
        this.percentDone = percentDone;
        monitor.beginTask(task, 100);
    }

    @Override
    public void beginTask(String name, long totalWork) {
        if (!named) {
            named = true;
            monitor.setTaskName(name);
        } else {
            monitor.subTask(name);
        }
    }

    @Override
    public void subTask(String name) {
        monitor.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        long now = System.nanoTime();
        if (now - lastPoll >= POLL_NANOS) {
            lastPoll = now;
            int percent = Math.min(100, percentDone.getAsInt());
            if (percent > reported) {
                monitor.worked(percent - reported);
                reported = percent;
            }
        }
        return monitor.isCanceled();
    }
}
