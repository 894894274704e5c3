package org.fenestra.console.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ValidationSchedule;
import org.fenestra.distribution.api.ValidationSchedules;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fenestra:validation-schedule [--dp NAME] [--daily HH:MM | --weekly DAY HH:MM | --every MINUTES | --off]}:
 * sets, removes or (without an action) lists the schedules on which the site server validates
 * content on DPs ({@link ValidationSchedules}: a first run, then a fixed interval).
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=validation-schedule" })
public final class ValidationScheduleCommand extends ConsoleCommand<ValidationScheduleCommand.Options> {

    @Command(name = "fenestra:validation-schedule", description = {
            "Validates content on a schedule: the site server (a running headless Fenestra) has the DPs hash every",
            "image they hold again; damage sets the image's status on that DP to Failed, naming each file.",
            "Site-wide, or for one DP with --dp (both apply to it). Without an action: lists the schedules.",
            "Times are local; a schedule runs every 24 hours (--daily) or 7 days (--weekly) from its first run." })
    static final class Options {
        @Option(names = "--dp", paramLabel = "NAME", description = "this DP's own schedule (default: site-wide)")
        String dp;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Action action;
    }

    static final class Action {
        @Option(names = "--daily", paramLabel = "HH:MM", description = "every day at this time")
        String daily;

        @Option(names = "--weekly", arity = "2", paramLabel = "DAY HH:MM",
                description = "every week on this day (mon ... sun) at this time")
        List<String> weekly;

        @Option(names = "--every", paramLabel = "MINUTES", description = "every N minutes (1 or more), from now")
        Integer everyMinutes;

        @Option(names = "--off", description = "remove the schedule")
        boolean off;
    }

    @Reference
    private ValidationSchedules schedules;

    public ValidationScheduleCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        String scope = options.dp == null ? "" : options.dp;
        String who = scope.isEmpty() ? "site-wide" : scope;
        if (options.action == null) {
            return list(scope);
        }
        if (options.action.off) {
            return schedules.remove(scope) ? "Removed the " + who + " validation schedule"
                    : "There was no " + who + " validation schedule";
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        ValidationSchedule set;
        if (options.action.daily != null) {
            set = schedules.set(scope, Duration.ofDays(1), nextDaily(now, time(options.action.daily)));
        } else if (options.action.weekly != null) {
            set = schedules.set(scope, Duration.ofDays(7),
                    nextWeekly(now, day(options.action.weekly.get(0)), time(options.action.weekly.get(1))));
        } else {
            if (options.action.everyMinutes < 1) {
                throw new IllegalArgumentException("--every is 1 minute or more");
            }
            set = schedules.set(scope, Duration.ofMinutes(options.action.everyMinutes), now.toInstant());
        }
        return "Validation " + who + ": " + every(set.interval()) + ", next run " + when(set.nextRun());
    }

    private String list(String scope) throws Exception {
        List<ValidationSchedule> found = schedules.list().stream()
                .filter(s -> scope.isEmpty() || s.dpName().equalsIgnoreCase(scope)).toList();
        if (found.isEmpty()) {
            return scope.isEmpty() ? "No validation schedules (fenestra:validation-schedule --daily HH:MM sets one)"
                    : "No validation schedule of its own for " + scope;
        }
        TextTable table = new TextTable("SCOPE", "EVERY", "NEXT RUN", "LAST RUN", "LAST RESULT");
        for (ValidationSchedule s : found) {
            table.row(s.siteWide() ? "site-wide" : s.dpName(), every(s.interval()), when(s.nextRun()),
                    s.lastRun().map(ValidationScheduleCommand::when).orElse("never"),
                    s.lastResult().isEmpty() ? "-" : s.lastResult().lines().findFirst().orElse(""));
        }
        return table.format();
    }

    /** The first time at {@code time} after {@code now}: today's, or tomorrow's once today's has passed. */
    static Instant nextDaily(ZonedDateTime now, LocalTime time) {
        ZonedDateTime today = now.with(time).withSecond(0).withNano(0);
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    /** The first {@code day} at {@code time} after {@code now}. */
    static Instant nextWeekly(ZonedDateTime now, DayOfWeek day, LocalTime time) {
        ZonedDateTime candidate = now.with(TemporalAdjusters.nextOrSame(day)).with(time).withSecond(0).withNano(0);
        return (candidate.isAfter(now) ? candidate : candidate.plusWeeks(1)).toInstant();
    }

    static String every(Duration interval) {
        long minutes = interval.toMinutes();
        if (minutes == Duration.ofDays(7).toMinutes()) {
            return "weekly";
        }
        if (minutes == Duration.ofDays(1).toMinutes()) {
            return "daily";
        }
        return minutes % 60 == 0 ? "every " + minutes / 60 + " h" : "every " + minutes + " min";
    }

    /** {@code Mon 2026-12-07 03:00}, local. */
    private static String when(Instant instant) {
        return instant.atZone(ZoneId.systemDefault()).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " " + HumanReadable.dateTime(instant);
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a time is HH:MM (24 h), e.g. 03:00, not " + text);
        }
    }

    private static DayOfWeek day(String text) {
        String given = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (given.length() >= 3 && name.startsWith(given)) {
                return day;
            }
        }
        throw new IllegalArgumentException("a day is mon, tue, wed, thu, fri, sat or sun, not " + text);
    }
}
