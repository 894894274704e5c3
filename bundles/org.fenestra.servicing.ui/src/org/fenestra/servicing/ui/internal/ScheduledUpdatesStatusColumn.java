package org.fenestra.servicing.ui.internal;

import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.ui.api.ImageSummary;

/**
 * Scheduled Updates Status: Scheduled, In Process (with %), Successful, Failed, Cancelled. While a
 * run is in process the view reads again every second, so the percentage moves and the final
 * status shows; while a schedule waits, every {@value #WAITING_MILLIS} ms, to see its run start.
 */
public final class ScheduledUpdatesStatusColumn extends ScheduledUpdatesColumn {

    static final long IN_PROCESS_MILLIS = 1_000;
    static final long WAITING_MILLIS = 15_000;

    private volatile Job refresh;

    @Override
    public void attach(Runnable reloadView) {
        Job job = Job.create(Messages.Column_refreshJob, monitor -> {
            reloadView.run();
        });
        job.setSystem(true);
        refresh = job;
    }

    @Override
    void loaded(Map<String, ImageServicingState> read) {
        Job job = refresh;
        if (job == null) {
            return;
        }
        if (read.values().stream().anyMatch(ImageServicingState::inProcess)) {
            job.schedule(IN_PROCESS_MILLIS);
        } else if (read.values().stream().anyMatch(state -> state.status() == RunStatus.SCHEDULED)) {
            job.schedule(WAITING_MILLIS);
        }
    }

    @Override
    public String text(ImageSummary image) {
        return state(image).statusText();
    }

    @Override
    public void dispose() {
        Job job = refresh;
        refresh = null;
        if (job != null) {
            job.cancel();
        }
    }
}
