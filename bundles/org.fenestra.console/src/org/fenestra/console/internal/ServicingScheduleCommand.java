package org.fenestra.console.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.updates.api.SoftwareUpdates;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:servicing-schedule ID ...}: sets an image's servicing schedule, run by the site server when due. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-schedule" })
public final class ServicingScheduleCommand extends ConsoleCommand<ServicingScheduleCommand.Options> {

    @Command(name = "fenestra:servicing-schedule", description = {
            "Schedules updates for an OS image: once (--at, or now) or every month",
            "(--monthly \"2nd tue +3d 03:00\" is Patch Tuesday plus 3 days).",
            "The site server (a running headless Fenestra) runs it when due; --now runs it in this",
            "process instead, with a progress line (exit 0 successful, 1 failed or nothing applied)." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        When when;

        @Option(names = "--continue-on-error", description = "go on after a failed update and commit what applied")
        boolean continueOnError;

        @Option(names = "--optimize", description = "skip superseded updates and export into a new WIM (single-index images)")
        boolean optimize;

        @Option(names = "--update-dps", description = "after a commit, send the new version to every distribution point holding the image (a WIM delta where it can)")
        boolean updateDps;
    }

    static final class Which {
        @Option(names = "--updates", split = ",", paramLabel = "ID", description = "update IDs (UPD00001), comma-separated")
        List<String> updates;

        @Option(names = "--all-applicable", description = "every downloaded update applicable to the image when it runs")
        boolean allApplicable;
    }

    static final class When {
        @Option(names = "--at", paramLabel = "TIME", description = "once, at 2026-12-08T03:00 (local time) or an ISO instant")
        String at;

        @Option(names = "--monthly", paramLabel = "RULE", description = "every month: 1st|2nd|3rd|4th|last WEEKDAY [+Nd] [HH:MM]")
        String monthly;

        @Option(names = "--now", description = "run it now in this process and return when it ends (as servicing-now)")
        boolean now;
    }

    @Reference
    private ServicingSchedules schedules;

    @Reference
    private OfflineServicing servicing;

    @Reference
    private SoftwareUpdates updates;

    public ServicingScheduleCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.when != null && options.when.now) {
            return ServicingNowCommand.serviceNow(servicing, updates, options.id, options.which.allApplicable,
                    options.which.updates, options.continueOnError, options.optimize, options.updateDps);
        }
        Recurrence recurrence = options.when == null ? Recurrence.once(Instant.now())
                : options.when.monthly != null ? Recurrence.parseMonthly(options.when.monthly)
                : Recurrence.once(instant(options.when.at));
        ServicingSchedule schedule = schedules.schedule(options.id, options.which.allApplicable ? List.of() : options.which.updates,
                options.which.allApplicable, recurrence, options.continueOnError, options.optimize, options.updateDps);
        return options.id + ": " + schedule.recurrence() + ", next run " + HumanReadable.dateTime(schedule.nextRun()) + " ("
                + schedule.message() + ")";
    }

    private static Instant instant(String text) {
        try {
            return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? Instant.parse(text)
                    : LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--at takes a time like 2026-12-08T03:00 (local) or 2026-12-08T03:00:00Z, not " + text);
        }
    }
}
