package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.ValidationSchedule;
import org.fenestra.distribution.api.ValidationSchedules;
import org.fenestra.distribution.testing.TestDistributionPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** {@code fenestra:validation-schedule} in a real Gogo session, stored by the real service in the real H2 catalog. */
class ValidationScheduleCommandTest {

    @TempDir
    Path dir;

    @Test
    void setsListsAndRemovesSiteWideAndPerDpSchedules() throws Exception {
        BundleContext context = startedConsoleBundle();
        ValidationSchedules schedules = await(context, ValidationSchedules.class);
        String name = "sched-dp-" + Long.toString(System.nanoTime() % 100_000, 36);
        try (TestDistributionPoint dp = TestDistributionPoint.start(dir.resolve("dp"))) {
            execute(context, "fenestra:dp-add " + name + " " + dp.url() + " --fingerprint " + dp.fingerprint()
                    + " --secret-file " + dp.siteSecretFile());
            try {
                String daily = execute(context, "fenestra:validation-schedule --daily 03:00");
                assertTrue(daily.startsWith("Validation site-wide: daily, next run "), daily);
                assertTrue(daily.endsWith(" 03:00"), daily);
                String weekly = execute(context, "fenestra:validation-schedule --dp " + name + " --weekly sun 22:30");
                assertTrue(weekly.startsWith("Validation " + name + ": weekly, next run Sun "), weekly);
                assertTrue(weekly.endsWith(" 22:30"), weekly);

                ValidationSchedule stored = schedules.list().stream().filter(s -> s.dpName().equals(name)).findFirst()
                        .orElseThrow();
                assertEquals(Duration.ofDays(7), stored.interval());
                ZonedDateTime next = stored.nextRun().atZone(ZoneId.systemDefault());
                assertEquals(DayOfWeek.SUNDAY, next.getDayOfWeek());
                assertEquals(LocalTime.of(22, 30), next.toLocalTime());
                assertEquals(Duration.ofDays(1), schedules.list().stream().filter(ValidationSchedule::siteWide)
                        .findFirst().orElseThrow().interval());

                String list = execute(context, "fenestra:validation-schedule");
                assertTrue(list.lines().findFirst().orElse("").matches("SCOPE +EVERY +NEXT RUN +LAST RUN +LAST RESULT"), list);
                assertTrue(list.lines().anyMatch(l -> l.matches("site-wide +daily +\\w{3} [0-9-]+ 03:00 +never +-")), list);
                assertTrue(list.lines().anyMatch(l -> l.matches(name + " +weekly +Sun [0-9-]+ 22:30 +never +-")), list);
                String one = execute(context, "fenestra:validation-schedule --dp " + name);
                assertEquals(2, one.lines().count(), one);

                assertTrue(execute(context, "fenestra:validation-schedule --dp " + name + " --every 90")
                        .startsWith("Validation " + name + ": every 90 min, next run "));

                IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
                        () -> execute(context, "fenestra:validation-schedule --daily 25:00"));
                assertTrue(badTime.getMessage().contains("HH:MM"), badTime.getMessage());
                IllegalArgumentException badDay = assertThrows(IllegalArgumentException.class,
                        () -> execute(context, "fenestra:validation-schedule --weekly someday 03:00"));
                assertTrue(badDay.getMessage().contains("mon, tue"), badDay.getMessage());
                assertThrows(IllegalArgumentException.class,
                        () -> execute(context, "fenestra:validation-schedule --daily 03:00 --off"), "one action at a time");
                DistributionException noDp = assertThrows(DistributionException.class,
                        () -> execute(context, "fenestra:validation-schedule --dp no-such-dp --daily 03:00"));
                assertEquals(DistributionException.Reason.NO_SUCH_DP, noDp.reason());

                assertEquals("Removed the " + name + " validation schedule",
                        execute(context, "fenestra:validation-schedule --dp " + name + " --off"));
                assertEquals("There was no " + name + " validation schedule",
                        execute(context, "fenestra:validation-schedule --dp " + name + " --off"));
                assertEquals("No validation schedule of its own for " + name,
                        execute(context, "fenestra:validation-schedule --dp " + name));
            } finally {
                schedules.remove("");
                schedules.remove(name);
                execute(context, "fenestra:dp-remove " + name);
            }
        }
    }

    @Test
    void theFirstRunIsTheNextSuchTimeNeverOneInThePast() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        ZonedDateTime wednesdayNoon = ZonedDateTime.of(2026, 12, 9, 12, 0, 0, 0, zone);
        assertEquals(ZonedDateTime.of(2026, 12, 10, 3, 0, 0, 0, zone).toInstant(),
                ValidationScheduleCommand.nextDaily(wednesdayNoon, LocalTime.of(3, 0)));
        assertEquals(ZonedDateTime.of(2026, 12, 9, 18, 0, 0, 0, zone).toInstant(),
                ValidationScheduleCommand.nextDaily(wednesdayNoon, LocalTime.of(18, 0)));
        assertEquals(ZonedDateTime.of(2026, 12, 16, 11, 0, 0, 0, zone).toInstant(),
                ValidationScheduleCommand.nextWeekly(wednesdayNoon, DayOfWeek.WEDNESDAY, LocalTime.of(11, 0)),
                "today's has passed: next week's");
        assertEquals(ZonedDateTime.of(2026, 12, 13, 22, 30, 0, 0, zone).toInstant(),
                ValidationScheduleCommand.nextWeekly(wednesdayNoon, DayOfWeek.SUNDAY, LocalTime.of(22, 30)));
        assertEquals("every 2 h", ValidationScheduleCommand.every(Duration.ofHours(2)));
    }
}
