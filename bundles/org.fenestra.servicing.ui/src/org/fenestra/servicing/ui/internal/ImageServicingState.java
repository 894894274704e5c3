package org.fenestra.servicing.ui.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;

/**
 * What the Scheduled Updates columns show for one image: its schedule and its newest run, read
 * together. A run in process wins (it carries the percentage); then a schedule waiting to run;
 * then whichever of the schedule's last word and the newest run is the later.
 *
 * @param status  null when the image was never scheduled nor serviced
 * @param date    the schedule's next run, or the run's start; null when none
 * @param percent the run's progress while {@link RunStatus#IN_PROCESS}
 */
public record ImageServicingState(RunStatus status, Instant date, int percent) {

    public static final ImageServicingState NONE = new ImageServicingState(null, null, 0);

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    /** @param history the image's runs, newest first */
    public static ImageServicingState of(Optional<ServicingSchedule> schedule, List<ServicingRun> history) {
        ServicingRun newest = history.isEmpty() ? null : history.get(0);
        if (newest != null && newest.status() == RunStatus.IN_PROCESS) {
            return new ImageServicingState(RunStatus.IN_PROCESS, newest.startedAt(), newest.percentDone());
        }
        if (schedule.isPresent()) {
            ServicingSchedule s = schedule.get();
            boolean saysLast = newest == null || s.lastRunId() >= newest.runId() || s.status() == RunStatus.SCHEDULED
                    || s.status() == RunStatus.IN_PROCESS;
            if (saysLast) {
                Instant date = s.nextRun() != null ? s.nextRun() : newest != null ? newest.startedAt() : null;
                return new ImageServicingState(s.status(), date, s.status() == RunStatus.IN_PROCESS ? s.percentDone() : 0);
            }
        }
        return newest == null ? NONE : new ImageServicingState(newest.status(), newest.startedAt(), 0);
    }

    public boolean inProcess() {
        return status == RunStatus.IN_PROCESS;
    }

    /** The Scheduled Updates Status cell: Scheduled, In Process (42%), Successful, Failed, Cancelled. */
    public String statusText() {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case SCHEDULED -> Messages.Status_scheduled;
            case IN_PROCESS -> NLS.bind(Messages.Status_inProcess, percent);
            case SUCCESSFUL -> Messages.Status_successful;
            case FAILED -> Messages.Status_failed;
            case CANCELLED -> Messages.Status_cancelled;
        };
    }

    /** The Scheduled Updates Date cell, in the workbench's zone. */
    public String dateText() {
        return format(date);
    }

    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
