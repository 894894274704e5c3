package org.fenestra.servicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.PostgresServerExtension;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site servers as separate processes ({@link SiteServerProcess}: each its own JVM and Equinox, made
 * of the bundles under test) on one real PostgreSQL catalog: two racing for one due schedule, and
 * one killed with SIGKILL at points spread over a run.
 */
class SiteServersTest {

    private static final String AGENT_FILE = "/Program Files/Contoso/agent.exe";
    /** The lines of a run's log that open each step, in order: kills are spread over them. */
    private static final List<String> STEPS = List.of("work folder", "applying with the", "optimizing:", "verifying the serviced WIM",
            "committing:");
    @RegisterExtension
    static final PostgresServerExtension postgres = new PostgresServerExtension();

    @TempDir
    Path work;

    /*
     * Why one schedule per round: with several due at once, each server claims one, runs it (a poll
     * runs its claims one after the other) and meanwhile the other claims the next, so both just run
     * different schedules and the claim is never contested. One due schedule, both servers polling,
     * contests it every round.
     */
    @Test
    void twoSiteServersRaceForOneDueScheduleAndExactlyOneRunsIt() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work);
                SharedCatalog.Start test = shared.start(work.resolve("test-data"))) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            Path unserviced = Files.copy(fixture.wim(), work.resolve("images/unserviced.wim"));
            try (SiteServerProcess a = SiteServerProcess.start("site-a", work.resolve("site-a"), shared.login,
                    shared.database(), shared.siteServerProperties());
                    SiteServerProcess b = SiteServerProcess.start("site-b", work.resolve("site-b"), shared.login,
                            shared.database(), shared.siteServerProperties())) {
                Map<String, Integer> wins = new TreeMap<>();
                for (int round = 0; round < 3; round++) {
                    OsImageRecord image = fixture.addImage(Files.copy(unserviced, work.resolve("images/race-" + round + ".wim")));
                    // due a moment from now, so both servers are polling when it falls due
                    test.scheduler().schedule(image.id(), ids, false, Recurrence.once(Instant.now().plusMillis(800)), false,
                            false, false);
                    ServicingSchedule schedule = awaitEnd(test.scheduler(), image.id());
                    assertEquals(RunStatus.SUCCESSFUL, schedule.status(), schedule.message() + a.logs() + b.logs());
                    List<ServicingRun> runs = test.pipeline().history(image.id());
                    assertEquals(1, runs.size(), "exactly one site server ran the schedule of " + image.id());
                    assertEquals(schedule.lastRunId(), runs.get(0).runId());
                    String ranBy = shared.serverOf(runs.get(0).runId());
                    SiteServerProcess winner = ranBy.startsWith("site-a/") ? a : b;
                    SiteServerProcess loser = winner == a ? b : a;
                    assertTrue(ranBy.startsWith(winner.name + "/"), ranBy);
                    wins.merge(winner.name, 1, Integer::sum);
                    String taken = image.id() + ": the due servicing schedule is taken by site server " + ranBy;
                    assertTrue(awaitLog(loser, taken), "the other server tried and saw it taken: " + taken + loser.logs());
                    assertFalse(logged(winner, image.id() + ": the due servicing schedule is taken"), winner.logs());

                    Path stored = Path.of(image.storedPath());
                    WimTool.verify(stored);
                    assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE));
                    assertEquals(image.contentVersion() + 1, shared.catalog.images().get(image.id()).contentVersion(),
                            "the content version was raised once");
                }
                // both stayed live and polling, and neither failed the other's runs as interrupted
                assertTrue(a.isAlive() && b.isAlive(), wins.toString());
            }
        }
    }

    /**
     * Two servers asked to service one image at the same moment (a console's run now on one host, a
     * schedule on another): the image's row lock lets exactly one start; the other is refused as busy.
     */
    @Test
    void twoServersStartingARunOfOneImageAtOnceStartExactlyOne() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work);
                SharedCatalog.Start a = shared.start(work.resolve("data-a"));
                SharedCatalog.Start b = shared.start(work.resolve("data-b"))) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            a.pipeline().addServicer(ServicingFixture.service(ImageServicer.class)); // this framework's portable one
            b.pipeline().addServicer(ServicingFixture.service(ImageServicer.class));
            Path unserviced = Files.copy(fixture.wim(), work.resolve("images/unserviced-at-once.wim"));
            for (int round = 0; round < 5; round++) {
                OsImageRecord image = fixture.addImage(Files.copy(unserviced, work.resolve("images/at-once-" + round + ".wim")));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<CompletableFuture<String>> outcomes = Stream.of(a, b).map(start -> CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return start.pipeline().serviceNow(new org.fenestra.servicing.api.ServicingRequest(image.id(), ids,
                                false, false), org.fenestra.wim.model.WimProgress.NONE).status().name();
                    } catch (org.fenestra.servicing.api.ServicingException e) {
                        return e.reason().name();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                })).toList();
                List<String> results = new ArrayList<>(outcomes.stream().map(CompletableFuture::join).toList());
                results.sort(null);
                assertEquals(List.of("BUSY", "SUCCESSFUL"), results, "round " + round);
                assertEquals(1, a.pipeline().history(image.id()).size(), "round " + round);
                assertEquals(image.contentVersion() + 1, shared.catalog.images().get(image.id()).contentVersion());
                WimTool.verify(Path.of(image.storedPath()));
            }
        }
    }

    /**
     * A monthly schedule stored while one site server ran is still there, monthly, for the next
     * framework: the first server, whose schedule is not due, stops; the month passes (the stored next
     * run moved into the past); a freshly started server runs it and sets its next run a month on.
     */
    @Test
    void aMonthlyScheduleSurvivesAFrameworkRestartAndTheNextServerRunsIt() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work);
                SharedCatalog.Start test = shared.start(work.resolve("test-data"))) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Recurrence monthly = Recurrence.parseMonthly("2nd tue +3d 03:00");
            try (SiteServerProcess first = SiteServerProcess.start("before-restart", work.resolve("before-restart"),
                    shared.login, shared.database(), shared.siteServerProperties())) {
                test.scheduler().schedule(image.id(), ids, false, monthly, false, false, false);
                Thread.sleep(1000); // several of its polls: not due, so not run
                assertEquals(List.of(), test.pipeline().history(image.id()), first.logs());
            }
            ServicingSchedule stored = test.scheduler().schedule(image.id()).orElseThrow();
            assertEquals(RunStatus.SCHEDULED, stored.status());
            assertTrue(stored.nextRun().isAfter(Instant.now()), stored.toString());
            shared.database().inTransaction("the month passes", connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE servicing_schedule SET next_run = ? WHERE image_id = ?")) {
                    update.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(1)));
                    update.setString(2, image.id());
                    return update.executeUpdate();
                }
            });
            try (SiteServerProcess next = SiteServerProcess.start("after-restart", work.resolve("after-restart"),
                    shared.login, shared.database(), shared.siteServerProperties())) {
                ServicingSchedule ran = awaitEnd(test.scheduler(), image.id());
                assertEquals(RunStatus.SUCCESSFUL, ran.status(), ran.message() + next.logs());
                assertEquals(monthly, ran.recurrence(), "still monthly");
                assertEquals(monthly.next(Instant.now(), java.time.ZoneId.systemDefault()), ran.nextRun(),
                        "the next run is the rule's next date after this run");
                assertTrue(shared.serverOf(ran.lastRunId()).startsWith("after-restart/"));
                Path wim = Path.of(image.storedPath());
                WimTool.verify(wim);
                assertTrue(WimTool.dir(wim, 1).contains(AGENT_FILE));
            }
        }
    }

    @Test
    void killNineAtPointsSpreadOverRunsLeavesTheOldOrTheCommittedImageAndTheNextStartEndsTheRun() throws Exception {
        long seed = Long.getLong("fenestra.test.seed", System.nanoTime());
        Random random = new Random(seed);
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            // a few MB that do not compress, so copying, exporting and verifying each take a moment to hit
            Path tree = TestImages.windowsTree(work.resolve("kill-tree"));
            byte[] noise = new byte[6 << 20];
            random.nextBytes(noise);
            Files.write(tree.resolve("Windows/System32/noise.bin"), noise);
            Path wim = WimTool.capture(tree, work.resolve("images/kill.wim"), "Windows 11 Enterprise");
            Map<String, Integer> outcomes = new TreeMap<>();
            // the next server starts while the test checks the last kill: a JVM's start is most of a round
            CompletableFuture<SiteServerProcess> next = startCrashServer(shared, 0);
            try {
                for (int i = 0; i < 20; i++) {
                    OsImageRecord image = fixture.addImage(Files.copy(wim, work.resolve("images/crash-" + i + ".wim")));
                    Path stored = Path.of(image.storedPath());
                    byte[] before = ServicingFixture.sha256(stored);
                    String step = STEPS.get(i % STEPS.size());
                    SiteServerProcess site = next.join();
                    try (SharedCatalog.Start scheduling = shared.start(work.resolve("test-data"))) {
                        scheduling.scheduler().schedule(image.id(), ids, false, Recurrence.once(Instant.now()), false, true, false);
                    }
                    try (site) {
                        long runId = awaitRun(shared, image.id(), site);
                        Path runLog = site.home.resolve("data/logs/servicing/" + image.id() + "-run-" + runId + ".log");
                        awaitLine(runLog, step, site);
                        Thread.sleep(random.nextInt(40));
                        site.kill9();
                    }
                    next = i + 1 < 20 ? startCrashServer(shared, i + 1) : null;

                    WimTool.verify(stored); // whatever the point, the catalog's image is a whole WIM
                    Thread.sleep(SharedCatalog.LEASE_MILLIS + 300); // the killed server's lease runs out
                    try (SharedCatalog.Start restart = shared.start(work.resolve("test-data"))) {
                        ServicingRun run = restart.pipeline().history(image.id()).get(0);
                        String context = "kill " + i + " after '" + step + "' (seed " + seed + "): " + run.message() + site.logs();
                        assertNotEquals(RunStatus.IN_PROCESS, run.status(), context);
                        assertEquals(run.status(), restart.scheduler().schedule(image.id()).orElseThrow().status(),
                                "the schedule reports its run's outcome: " + context);
                        boolean unchanged = Arrays.equals(before, ServicingFixture.sha256(stored));
                        OsImageRecord now = shared.catalog.images().get(image.id());
                        if (run.status() == RunStatus.SUCCESSFUL) {
                            // the fully committed new WIM: the update's files, the recorded size, the version raised once
                            assertFalse(unchanged, context);
                            assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE), context);
                            assertEquals(run.sizeAfter(), Files.size(stored), context);
                            assertEquals(Files.size(stored), now.sizeBytes(), context);
                            assertEquals(image.contentVersion() + 1, now.contentVersion(), context);
                            outcomes.merge(run.message().contains("recorded at the next start") ? "committed, recorded at the next start"
                                    : "committed before the kill", 1, Integer::sum);
                        } else {
                            assertEquals(RunStatus.FAILED, run.status(), context);
                            assertTrue(run.message().contains("interrupted"), context);
                            assertTrue(unchanged, "an interrupted run leaves the old WIM byte for byte: " + context);
                            assertEquals(image.contentVersion(), now.contentVersion(), context);
                            outcomes.merge("interrupted after '" + step + "'", 1, Integer::sum);
                        }
                        assertFalse(Files.exists(site.home.resolve("data").resolve(ServicingPipeline.WORK_FOLDER)
                                .resolve("run-" + run.runId())), "the work folder is removed: " + context);
                        assertEquals(List.of(), temporaryFiles(stored), context);
                        assertEquals(0, shared.journalRows(), context);
                    }
                }
            } finally {
                if (next != null) { // a failed round leaves no server running
                    next.join().close();
                }
            }
            System.out.println("kill -9 outcomes (seed " + seed + "): " + outcomes);
            assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("interrupted")),
                    "some kills hit a run in process: " + outcomes);
        }
    }

    /** Starts the site server of kill {@code i} on another thread (its recovery may end the last killed run first: either may). */
    private CompletableFuture<SiteServerProcess> startCrashServer(SharedCatalog shared, int i) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SiteServerProcess.start("crash-" + i, work.resolve("crash-" + i), shared.login, shared.database(),
                        shared.siteServerProperties());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    @Test
    void aHaltRightAfterTheRenameIsRecordedAsCommittedAtTheNextStart() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Path stored = Path.of(image.storedPath());
            Recovered recovered = haltAt("renamed", shared, image, ids);
            ServicingRun run = recovered.run();

            assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
            assertEquals(RunStatus.SUCCESSFUL, recovered.schedule().status(), "the schedule takes its run's outcome: "
                    + recovered.schedule().message());
            assertEquals(run.runId(), recovered.schedule().lastRunId());
            assertTrue(run.message().contains("recorded at the next start"), run.message());
            WimTool.verify(stored);
            assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE));
            assertEquals(image.contentVersion() + 1, shared.catalog.images().get(image.id()).contentVersion());
            assertTrue(shared.updates.installedUpdates(image.id()).toString().contains(shared.updates.get(ids.get(0)).articleId()),
                    "the applied update is recorded on the image");
            assertEquals(0, shared.journalRows());
            assertEquals(List.of(), temporaryFiles(stored));
        }
    }

    @Test
    void aHaltBetweenTheJournalAndTheRenameCommitsNothing() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Path stored = Path.of(image.storedPath());
            byte[] before = ServicingFixture.sha256(stored);
            Recovered recovered = haltAt("journaled", shared, image, ids);
            ServicingRun run = recovered.run();

            assertEquals(RunStatus.FAILED, run.status());
            assertEquals(RunStatus.FAILED, recovered.schedule().status());
            assertTrue(recovered.schedule().message().contains("interrupted"), recovered.schedule().message());
            assertEquals(run.runId(), recovered.schedule().lastRunId());
            assertTrue(run.message().contains("interrupted"), run.message());
            assertArrayEquals(before, ServicingFixture.sha256(stored));
            assertEquals(image.contentVersion(), shared.catalog.images().get(image.id()).contentVersion());
            assertEquals(0, shared.journalRows());
            assertEquals(List.of(), temporaryFiles(stored), "the journaled temporary file is removed");
        }
    }

    /** A halted run and its schedule as the next start left them. */
    private record Recovered(ServicingRun run, ServicingSchedule schedule) {
    }

    /** Runs the image's schedule in a site server that halts itself at {@code step}; run and schedule after the next start. */
    private Recovered haltAt(String step, SharedCatalog shared, OsImageRecord image, List<String> ids) throws Exception {
        Map<String, String> config = new HashMap<>(shared.siteServerProperties());
        config.put(ServicingPipeline.HALT_AT, step);
        try (SharedCatalog.Start scheduling = shared.start(work.resolve("test-data"))) {
            scheduling.scheduler().schedule(image.id(), ids, false, Recurrence.once(Instant.now()), false, false, false);
        }
        try (SiteServerProcess site = SiteServerProcess.start("halt-" + step, work.resolve("halt-" + step), shared.login,
                shared.database(), config)) {
            if (!site.halted(180)) {
                fail("the site server did not halt at '" + step + "'" + site.logs());
            }
            assertEquals(1, shared.journalRows(), "the swap was journaled");
            Thread.sleep(SharedCatalog.LEASE_MILLIS + 300);
            try (SharedCatalog.Start next = shared.start(work.resolve("test-data"))) {
                ServicingRun run = next.pipeline().history(image.id()).get(0);
                assertFalse(Files.exists(site.home.resolve("data").resolve(ServicingPipeline.WORK_FOLDER)
                        .resolve("run-" + run.runId())), "the work folder is removed");
                return new Recovered(run, next.scheduler().schedule(image.id()).orElseThrow());
            }
        }
    }

    private static ServicingSchedule awaitEnd(ServicingScheduler scheduler, String imageId) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        ServicingSchedule schedule = scheduler.schedule(imageId).orElseThrow();
        while ((schedule.status() == RunStatus.SCHEDULED || schedule.status() == RunStatus.IN_PROCESS)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            schedule = scheduler.schedule(imageId).orElseThrow();
        }
        return schedule;
    }

    /** Waits until the site server has started a run of the image; its run ID. */
    private static long awaitRun(SharedCatalog shared, String imageId, SiteServerProcess site) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            long runId = shared.database().inTransaction("run of " + imageId, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT MAX(run_id) FROM servicing_run WHERE image_id = ?")) {
                    select.setString(1, imageId);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
            if (runId > 0) {
                return runId;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the site server never started the run:" + site.logs());
    }

    /** Waits until the run's log has a line containing {@code text} (or the run ended without one). */
    private static void awaitLine(Path log, String text, SiteServerProcess site) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                String content = Files.readString(log);
                if (content.contains(text) || content.contains(" run SUCCESSFUL") || content.contains(" run FAILED")) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("the run never logged '" + text + "'" + site.logs() + site.threads());
    }

    private static boolean awaitLog(SiteServerProcess site, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (logged(site, text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Whether one of the site server's logs (its Fenestra logs and console) has {@code text}. */
    private static boolean logged(SiteServerProcess site, String text) throws Exception {
        Path folder = site.home.resolve("data").resolve("logs");
        if (site.console().contains(text)) {
            return true;
        }
        if (!Files.exists(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> temporaryFiles(Path stored) throws Exception {
        try (Stream<Path> files = Files.list(stored.getParent())) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
