package org.fenestra.ui.api;

import org.eclipse.core.runtime.IProgressMonitor;
import org.fenestra.wim.model.WimProgress;

/**
 * The progress of the WIM engine or a service that reports like it (bytes, files: a long that
 * may exceed int) shown on an {@link IProgressMonitor}, whose Cancel stops the work.
 *
 * @since 0.1
 */
public final class WimProgressMonitor implements WimProgress {

    private static final int UNITS = 1000;

    private final IProgressMonitor monitor;
    private long total;
    private long done;
    private int reported;

    public WimProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void beginTask(String name, long totalWork) {
        total = Math.max(1, totalWork);
        done = 0;
        reported = 0;
        monitor.beginTask(name, UNITS);
    }

    @Override
    public void worked(long work) {
        done += work;
        int now = (int) Math.min(UNITS, done * UNITS / total);
        if (now > reported) {
            monitor.worked(now - reported);
            reported = now;
        }
    }

    @Override
    public void subTask(String name) {
        monitor.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
