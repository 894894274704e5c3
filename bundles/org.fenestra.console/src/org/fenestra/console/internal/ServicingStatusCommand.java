package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:servicing-status [ID]}: the servicing schedules, their next run and status. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-status" })
public final class ServicingStatusCommand extends ConsoleCommand<ServicingStatusCommand.Options> {

    @Command(name = "fenestra:servicing-status", description = {
            "Shows servicing schedules: when they run next and their status (Scheduled, In Process with %,",
            "Successful, Failed, Cancelled)." })
    static final class Options {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "one OS image's or upgrade package's ID; all schedules when absent")
        String id;
    }

    @Reference
    private ServicingSchedules schedules;

    public ServicingStatusCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<ServicingSchedule> shown = options.id == null ? schedules.schedules()
                : schedules.schedule(options.id).map(List::of).orElseThrow(
                        () -> new CommandFailedException(options.id + ": no servicing schedule"));
        TextTable table = new TextTable("IMAGE", "SCHEDULE", "NEXT RUN", "STATUS", "LAST RUN", "UPDATES", "MESSAGE");
        for (ServicingSchedule s : shown) {
            table.row(s.imageId(), s.recurrence(), s.nextRun() == null ? "-" : HumanReadable.dateTime(s.nextRun()),
                    s.status() == RunStatus.IN_PROCESS ? "In Process " + s.percentDone() + "%" : s.status(),
                    s.lastRunId() == 0 ? "-" : s.lastRunId(), s.allApplicable() ? "all applicable" : String.join(",", s.updateIds()),
                    s.message());
        }
        return table.format();
    }
}
