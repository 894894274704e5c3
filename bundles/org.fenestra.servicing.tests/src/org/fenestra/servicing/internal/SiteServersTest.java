package org.fenestra.servicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.PostgresServer;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.testing.WimTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site servers as separate processes ({@link SiteServerProcess}: each its own JVM and Equinox) on one
 * real PostgreSQL catalog: racing for due schedules, and killed with SIGKILL in the middle of runs.
 */
class SiteServersTest {

    private static final String AGENT_FILE = "/Program Files/Contoso/agent.exe";
    private static PostgresServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoSiteServersRaceForDueSchedulesAndEachScheduleRunsExactlyOnce() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(server, work);
                SharedCatalog.Start test = shared.start(work.resolve("test-data"))) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            List<OsImageRecord> images = new ArrayList<>(List.of(fixture.image()));
            for (int i = 0; i < 3; i++) {
                images.add(fixture.addImage(Files.copy(fixture.wim(), work.resolve("images/copy-" + i + ".wim"))));
            }
            try (SiteServerProcess a = SiteServerProcess.start("site-a", work.resolve("site-a"), shared.login,
                    shared.database(), shared.siteServerProperties());
                    SiteServerProcess b = SiteServerProcess.start("site-b", work.resolve("site-b"), shared.login,
                            shared.database(), shared.siteServerProperties())) {
                Instant due = Instant.now();
                for (OsImageRecord image : images) {
                    test.scheduler().schedule(image.id(), ids, false, Recurrence.once(due), false, false, false);
                }
                Set<String> servers = new HashSet<>();
                for (OsImageRecord image : images) {
                    ServicingSchedule schedule = awaitEnd(test.scheduler(), image.id());
                    assertEquals(RunStatus.SUCCESSFUL, schedule.status(), schedule.message() + a.logs() + b.logs());
                    List<ServicingRun> runs = test.pipeline().history(image.id());
                    assertEquals(1, runs.size(), "exactly one site server ran the schedule of " + image.id());
                    assertEquals(schedule.lastRunId(), runs.get(0).runId());
                    String ranBy = shared.serverOf(runs.get(0).runId());
                    assertTrue(ranBy.startsWith("site-a/") || ranBy.startsWith("site-b/"), ranBy);
                    servers.add(ranBy);
                    Path stored = Path.of(image.storedPath());
                    WimTool.verify(stored);
                    assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE));
                    assertEquals(image.contentVersion() + 1, shared.catalog.images().get(image.id()).contentVersion(),
                            "the content version was raised once");
                }
                // both stayed live and polling, and neither failed the other's runs as interrupted
                assertTrue(a.isAlive() && b.isAlive(), servers.toString());
            }
        }
    }

    @Test
    void killNineAtRandomPointsOfRunsLeavesImagesThatVerifyAndTheNextStartEndsTheRun() throws Exception {
        Random random = new Random(Long.getLong("fenestra.test.seed", System.nanoTime()));
        try (SharedCatalog shared = new SharedCatalog(server, work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            int interrupted = 0;
            int committed = 0;
            for (int i = 0; i < 20; i++) {
                OsImageRecord image = fixture.addImage(Files.copy(fixture.wim(), work.resolve("images/crash-" + i + ".wim")));
                Path stored = Path.of(image.storedPath());
                byte[] before = ServicingFixture.sha256(stored);
                SiteServerProcess site = SiteServerProcess.start("crash-" + i, work.resolve("crash-" + i), shared.login,
                        shared.database(), shared.siteServerProperties());
                try (site) {
                    try (SharedCatalog.Start scheduling = shared.start(work.resolve("test-data"))) {
                        scheduling.scheduler().schedule(image.id(), ids, false, Recurrence.once(Instant.now()), false, false,
                                false);
                    }
                    awaitRunStarted(shared, image.id(), site);
                    Thread.sleep(random.nextInt(700));
                    site.kill9();
                }

                WimTool.verify(stored); // whatever the point, the catalog's image is a whole WIM
                Thread.sleep(SharedCatalog.LEASE_MILLIS + 500); // the killed server's lease runs out
                try (SharedCatalog.Start next = shared.start(work.resolve("test-data"))) {
                    ServicingRun run = next.pipeline().history(image.id()).get(0);
                    assertNotEquals(RunStatus.IN_PROCESS, run.status(), () -> "the next start ended the run" + site.logs());
                    assertNotEquals(RunStatus.IN_PROCESS, next.scheduler().schedule(image.id()).orElseThrow().status());
                    boolean changed = !java.util.Arrays.equals(before, ServicingFixture.sha256(stored));
                    OsImageRecord now = shared.catalog.images().get(image.id());
                    if (run.status() == RunStatus.SUCCESSFUL) {
                        committed++;
                        assertTrue(changed, "a successful run's WIM is in the catalog");
                        assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE));
                        assertEquals(image.contentVersion() + 1, now.contentVersion());
                    } else {
                        interrupted++;
                        assertEquals(RunStatus.FAILED, run.status());
                        assertTrue(run.message().contains("interrupted"), run.message());
                        assertFalse(changed, "an interrupted run committed nothing: " + run.message());
                        assertEquals(image.contentVersion(), now.contentVersion());
                    }
                    assertFalse(Files.exists(site.home.resolve("data").resolve(ServicingPipeline.WORK_FOLDER)
                            .resolve("run-" + run.runId())), "the work folder is removed");
                    assertEquals(List.of(), temporaryFiles(stored));
                    assertEquals(0, shared.journalRows());
                }
            }
            assertTrue(interrupted > 0, "some kills hit a run in process (" + committed + " finished first)");
        }
    }

    @Test
    void aKillRightAfterTheRenameIsRecordedAsCommittedAtTheNextStart() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(server, work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Path stored = Path.of(image.storedPath());
            ServicingRun run = crashAt("renamed", shared, image, ids);

            assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
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
    void aKillBetweenTheJournalAndTheRenameCommitsNothing() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(server, work)) {
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Path stored = Path.of(image.storedPath());
            byte[] before = ServicingFixture.sha256(stored);
            ServicingRun run = crashAt("journaled", shared, image, ids);

            assertEquals(RunStatus.FAILED, run.status());
            assertTrue(run.message().contains("interrupted"), run.message());
            assertArrayEquals(before, ServicingFixture.sha256(stored));
            assertEquals(image.contentVersion(), shared.catalog.images().get(image.id()).contentVersion());
            assertEquals(0, shared.journalRows());
            assertEquals(List.of(), temporaryFiles(stored), "the journaled temporary file is removed");
        }
    }

    /** Runs the image's schedule in a site server that halts itself at {@code step}; the run after the next start. */
    private ServicingRun crashAt(String step, SharedCatalog shared, OsImageRecord image, List<String> ids) throws Exception {
        java.util.Map<String, String> config = new java.util.HashMap<>(shared.siteServerProperties());
        config.put(ServicingPipeline.HALT_AT, step);
        try (SiteServerProcess site = SiteServerProcess.start("halt-" + step, work.resolve("halt-" + step), shared.login,
                shared.database(), config)) {
            try (SharedCatalog.Start scheduling = shared.start(work.resolve("test-data"))) {
                scheduling.scheduler().schedule(image.id(), ids, false, Recurrence.once(Instant.now()), false, false, false);
            }
            if (!site.halted(180)) {
                fail("the site server did not halt at '" + step + "'" + site.logs());
            }
            return recovered(shared, image, site);
        }
    }

    private ServicingRun recovered(SharedCatalog shared, OsImageRecord image, SiteServerProcess site) throws Exception {
        assertEquals(1, shared.journalRows(), "the swap was journaled");
        Thread.sleep(SharedCatalog.LEASE_MILLIS + 500);
        try (SharedCatalog.Start next = shared.start(work.resolve("test-data"))) {
            ServicingRun run = next.pipeline().history(image.id()).get(0);
            assertFalse(Files.exists(site.home.resolve("data").resolve(ServicingPipeline.WORK_FOLDER)
                    .resolve("run-" + run.runId())), "the work folder is removed");
            return run;
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

    /** Waits until the site server has a run of the image in process (or, rarely, already finished it). */
    private static void awaitRunStarted(SharedCatalog shared, String imageId, SiteServerProcess site) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean started = shared.database().inTransaction("run of " + imageId, connection -> {
                try (var select = connection.prepareStatement("SELECT COUNT(*) FROM servicing_run WHERE image_id = ?")) {
                    select.setString(1, imageId);
                    try (var row = select.executeQuery()) {
                        row.next();
                        return row.getInt(1) > 0;
                    }
                }
            });
            if (started) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the site server never started the run:\n" + site.console());
    }

    private static List<Path> temporaryFiles(Path stored) throws Exception {
        try (Stream<Path> files = Files.list(stored.getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
