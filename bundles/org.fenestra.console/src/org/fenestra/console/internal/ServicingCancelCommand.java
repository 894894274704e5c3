package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:servicing-cancel ID}: stops the image's servicing run in process, on whichever site
 * server runs it; with no run in process, cancels the image's pending schedule (once or monthly), so it
 * does not run.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-cancel" })
public final class ServicingCancelCommand extends ConsoleCommand<ServicingCancelCommand.Options> {

    @Command(name = "fenestra:servicing-cancel", description = {
            "Cancels an OS image's servicing run in process: it stops within seconds, commits nothing",
            "and leaves the image as it was. With no run in process, cancels the image's pending",
            "schedule (once or monthly): it does not run." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;
    }

    @Reference
    private OfflineServicing servicing;
    @Reference
    private ServicingSchedules schedules;

    public ServicingCancelCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (servicing.cancel(options.id)) {
            return options.id + ": cancel requested; image-history " + options.id + " shows the run as Cancelled once it stopped";
        }
        ServicingSchedule pending = schedules.schedule(options.id).filter(s -> s.status() != RunStatus.CANCELLED
                && s.nextRun() != null).orElse(null);
        if (pending == null) {
            throw new CommandFailedException(options.id + ": no servicing run is in process and no schedule is pending");
        }
        schedules.cancel(options.id);
        return options.id + ": the schedule (" + pending.recurrence() + ") is cancelled; it does not run";
    }
}
