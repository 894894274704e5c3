package org.fenestra.servicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Schedules: the monthly rule, and due schedules run by the DS scheduler across a restart of the component. */
class ServicingSchedulesTest {

    @TempDir
    Path work;

    @Test
    void patchTuesdayPlusThreeDays() {
        Recurrence rule = Recurrence.parseMonthly("2nd tue +3d 03:00");
        assertEquals("monthly 2nd tue +3d 03:00", rule.toString());
        // November 2026: Tuesdays 3, 10 -> the 13th; December: Tuesdays 1, 8 -> the 11th
        assertEquals(Instant.parse("2026-11-13T03:00:00Z"), rule.next(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-12-11T03:00:00Z"), rule.next(Instant.parse("2026-11-13T03:00:00Z"), ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-27T00:00:00Z"),
                Recurrence.parseMonthly("last fri").next(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
        // +27 days past the last Tuesday of December lands in January
        assertEquals(Instant.parse("2027-01-25T00:00:00Z"),
                Recurrence.parseMonthly("last tue +27d").next(Instant.parse("2026-12-30T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(new Recurrence(true, null, 1, DayOfWeek.MONDAY, 0, LocalTime.of(22, 30)), Recurrence.parseMonthly("1st Monday 22:30"));
        assertEquals(rule, Recurrence.parse(rule.toString()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Recurrence.parseMonthly("every tuesday"))
                .getMessage().contains("2nd tue +3d 03:00"));
        Recurrence once = Recurrence.once(Instant.parse("2026-12-24T18:00:00Z"));
        assertEquals(once, Recurrence.parse(once.toString()));
        assertNull(once.next(Instant.parse("2026-12-25T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aDueScheduleRunsEvenWhenItFellDueWhileTheSchedulerWasStopped() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        OsImageRecord image = fixture.image();
        List<String> ids = fixture.published(ServicingFixture.agent());
        ServiceComponentRuntime scr = ServicingFixture.service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO scheduler = scr.getComponentDescriptionDTO(FrameworkUtil.getBundle(ServicingScheduler.class),
                ServicingScheduler.class.getName());
        byte[] before = ServicingFixture.sha256(fixture.wim());

        ServicingFixture.service(ServicingSchedules.class).schedule(image.id(), ids, false,
                Recurrence.once(Instant.now().plusSeconds(3)), false, false, false);
        scr.disableComponent(scheduler).getValue();
        try {
            Thread.sleep(4000); // due now, but no scheduler runs
            assertArrayEquals(before, ServicingFixture.sha256(fixture.wim()));
        } finally {
            scr.enableComponent(scheduler).getValue();
        }
        ServicingSchedules restarted = ServicingFixture.service(ServicingSchedules.class);
        long deadline = System.nanoTime() + 60_000_000_000L;
        ServicingSchedule schedule = restarted.schedule(image.id()).orElseThrow();
        while (schedule.status() != RunStatus.SUCCESSFUL && schedule.status() != RunStatus.FAILED && System.nanoTime() < deadline) {
            Thread.sleep(100);
            schedule = restarted.schedule(image.id()).orElseThrow();
        }
        assertEquals(RunStatus.SUCCESSFUL, schedule.status(), schedule.message());
        assertNull(schedule.nextRun(), "a one-time schedule does not run again");
        assertTrue(schedule.lastRunId() > 0);
        WimTool.verify(fixture.wim());
        assertTrue(WimTool.dir(fixture.wim(), 1).contains("/Program Files/Contoso/agent.exe"));
    }

    @Test
    void whoRunsSchedulesSiteServersAlwaysTheWorkbenchOnlyOnAnEmbeddedSite() {
        assertEquals(ScheduleRunning.ALWAYS, ScheduleRunning.parse(null));
        assertEquals(ScheduleRunning.EMBEDDED, ScheduleRunning.parse(" Embedded "));
        assertTrue(ScheduleRunning.ALWAYS.runsOn(SiteDatabase.Product.POSTGRESQL));
        assertTrue(ScheduleRunning.EMBEDDED.runsOn(SiteDatabase.Product.H2));
        assertFalse(ScheduleRunning.EMBEDDED.runsOn(SiteDatabase.Product.POSTGRESQL));
        assertFalse(ScheduleRunning.NEVER.runsOn(SiteDatabase.Product.H2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScheduleRunning.parse("sometimes")).getMessage()
                .contains("always, embedded or never"));
        // without the property, what the process is: a site server, a one-shot console, an interactive console
        assertEquals(ScheduleRunning.ALWAYS, ScheduleRunning.of(java.util.Map.<String, String>of()::get));
        assertEquals(ScheduleRunning.NEVER, ScheduleRunning.of(java.util.Map.of(ScheduleRunning.ONE_SHOT_COMMAND,
                "fenestra:image-list")::get));
        assertEquals(ScheduleRunning.EMBEDDED, ScheduleRunning.of(java.util.Map.of(ScheduleRunning.INTERACTIVE_CONSOLE,
                "true")::get));
        assertEquals(ScheduleRunning.ALWAYS, ScheduleRunning.of(java.util.Map.of(ScheduleRunning.ONE_SHOT_COMMAND, "x",
                ScheduleRunning.PROPERTY, "always")::get), "the property wins");
    }

    /**
     * A site server stopped (not killed) during a scheduled run: the run is cancelled and commits
     * nothing, and the schedule is given back still due, so the next server runs it (not recorded as
     * cancelled by an admin, not lost).
     */
    @Test
    void aServerStoppingDuringAScheduledRunGivesTheScheduleBackAndTheNextServerRunsIt() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        OsImageRecord image = fixture.image();
        byte[] big = new byte[24 << 20];
        new java.util.Random(7).nextBytes(big); // long enough to compress that the stop lands in the run
        List<String> ids = fixture.published(ServicingFixture.agent().add("Program Files/Contoso/big.bin", big));
        ServiceComponentRuntime scr = ServicingFixture.service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO dsScheduler = scr.getComponentDescriptionDTO(FrameworkUtil.getBundle(ServicingScheduler.class),
                ServicingScheduler.class.getName());
        byte[] before = ServicingFixture.sha256(fixture.wim());
        SiteDatabase database = ServicingFixture.service(SiteDatabase.class);
        scr.disableComponent(dsScheduler).getValue();
        ServicingScheduler first = null;
        ServicingScheduler next = null;
        try {
            first = scheduler(database, fixture, "always");
            Instant due = Instant.now();
            first.schedule(image.id(), ids, false, Recurrence.once(due), false, false, false);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (first.schedule(image.id()).orElseThrow().status() != RunStatus.IN_PROCESS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            first.stop(); // as a site server's deactivation on SIGTERM
            ServicingSchedule given = first.schedule(image.id()).orElseThrow();
            assertEquals(RunStatus.SCHEDULED, given.status(), given.message());
            assertTrue(given.message().contains("stopped during the run"), given.message());
            assertEquals(due.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    given.nextRun().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "still due");
            assertArrayEquals(before, ServicingFixture.sha256(fixture.wim()), "nothing was committed");

            next = scheduler(database, fixture, "always");
            ServicingSchedule ran = next.schedule(image.id()).orElseThrow();
            while (ran.status() != RunStatus.SUCCESSFUL && ran.status() != RunStatus.FAILED && System.nanoTime() < deadline) {
                Thread.sleep(100);
                ran = next.schedule(image.id()).orElseThrow();
            }
            assertEquals(RunStatus.SUCCESSFUL, ran.status(), ran.message());
            assertTrue(WimTool.dir(fixture.wim(), 1).contains("/Program Files/Contoso/big.bin"));
        } finally {
            if (first != null) {
                first.stop();
            }
            if (next != null) {
                next.stop();
            }
            scr.enableComponent(dsScheduler).getValue();
        }
    }

    @Test
    void optimizeIsRefusedWhenScheduledForAMultiImageWim() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        List<String> ids = fixture.published(ServicingFixture.agent());
        Path two = Files.copy(fixture.wim(), work.resolve("images/two.wim"));
        WimTool.run("append", work.resolve("tree").toString(), two.toString(), "Second");
        OsImageRecord image = fixture.addImage(two);
        ServicingSchedules schedules = ServicingFixture.service(ServicingSchedules.class);
        ServicingException refused = assertThrows(ServicingException.class, () -> schedules.schedule(image.id(), ids, false,
                Recurrence.once(Instant.now().plusSeconds(3600)), false, true, false));
        assertEquals(ServicingException.Reason.OPTIMIZE_REFUSED, refused.reason());
        assertTrue(refused.getMessage().contains("holds 2 images"), refused.getMessage());
        assertTrue(schedules.schedule(image.id()).isEmpty(), "nothing was stored");
    }

    @Test
    void aProcessThatDoesNotRunSchedulesLeavesADueOneAloneAndAnEmbeddedSiteRunsIt() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        OsImageRecord image = fixture.image();
        List<String> ids = fixture.published(ServicingFixture.agent());
        ServiceComponentRuntime scr = ServicingFixture.service(ServiceComponentRuntime.class);
        ComponentDescriptionDTO dsScheduler = scr.getComponentDescriptionDTO(FrameworkUtil.getBundle(ServicingScheduler.class),
                ServicingScheduler.class.getName());
        byte[] before = ServicingFixture.sha256(fixture.wim());
        SiteDatabase database = ServicingFixture.service(SiteDatabase.class);
        assertEquals(SiteDatabase.Product.H2, database.product(), "the test framework's catalog is the embedded H2");
        scr.disableComponent(dsScheduler).getValue(); // only the schedulers made here may run it
        ServicingScheduler never = null;
        ServicingScheduler embedded = null;
        try {
            never = scheduler(database, fixture, "never");
            assertFalse(never.runsSchedules());
            never.schedule(image.id(), ids, false, Recurrence.once(Instant.now()), false, false, false);
            Thread.sleep(1500); // due all along, and ten polls' worth
            assertEquals(RunStatus.SCHEDULED, never.schedule(image.id()).orElseThrow().status());
            assertArrayEquals(before, ServicingFixture.sha256(fixture.wim()));
            never.stop();

            embedded = scheduler(database, fixture, "embedded");
            assertTrue(embedded.runsSchedules());
            long deadline = System.nanoTime() + 60_000_000_000L;
            ServicingSchedule schedule = embedded.schedule(image.id()).orElseThrow();
            while (schedule.status() != RunStatus.SUCCESSFUL && schedule.status() != RunStatus.FAILED && System.nanoTime() < deadline) {
                Thread.sleep(100);
                schedule = embedded.schedule(image.id()).orElseThrow();
            }
            assertEquals(RunStatus.SUCCESSFUL, schedule.status(), schedule.message());
        } finally {
            if (never != null) {
                never.stop();
            }
            if (embedded != null) {
                embedded.stop();
            }
            scr.enableComponent(dsScheduler).getValue();
        }
    }

    private static ServicingScheduler scheduler(SiteDatabase database, ServicingFixture fixture, String running) throws Exception {
        java.util.Map<String, String> properties = java.util.Map.of(ScheduleRunning.PROPERTY, running, ServicingScheduler.POLL, "100");
        return new ServicingScheduler(database, fixture.catalog(), fixture.updates(), ServicingFixture.service(OfflineServicing.class),
                ServicingFixture.service(ServerLease.class), properties::get, java.time.Clock.systemUTC(), java.time.ZoneId.systemDefault());
    }

    @Test
    void aMonthlyScheduleWaitsForItsDayAndCanBeCancelled() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        OsImageRecord image = fixture.image();
        List<String> ids = fixture.published(ServicingFixture.agent());
        ServicingSchedules schedules = ServicingFixture.service(ServicingSchedules.class);
        Recurrence rule = Recurrence.parseMonthly("2nd tue +3d 03:00");
        Instant asked = Instant.now();
        ServicingSchedule schedule = schedules.schedule(image.id(), ids, false, rule, true, false, true);
        assertTrue(schedule.nextRun().isAfter(asked));
        assertEquals(rule.next(asked, java.time.ZoneId.systemDefault()), schedule.nextRun());
        assertTrue(schedule.message().contains("not available"), "update DPs is stored and reported as not available");
        assertEquals(RunStatus.SCHEDULED, schedules.schedule(image.id()).orElseThrow().status());
        assertTrue(schedules.cancel(image.id()));
        ServicingSchedule cancelled = schedules.schedule(image.id()).orElseThrow();
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.nextRun());
        assertFalse(Files.exists(work.resolve("never")));
    }
}
