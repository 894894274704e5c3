package org.fenestra.servicing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.PostgresServerExtension;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog failing after the rename (a real PostgreSQL trigger refusing the image's new content
 * version): the new WIM is in place, so the run must not end FAILED beside it; it stays in process
 * with its commit journaled and the next recovery records it.
 */
class CommitRecordingTest {

    private static final String AGENT_FILE = "/Program Files/Contoso/agent.exe";
    @RegisterExtension
    static final PostgresServerExtension postgres = new PostgresServerExtension();

    @TempDir
    Path work;

    @Test
    void aRecordingFailureAfterTheRenameIsFinishedByTheNextRecovery() throws Exception {
        try (SharedCatalog shared = new SharedCatalog(postgres.server(), work);
                SharedCatalog.Start site = shared.start(work.resolve("site-data"))) {
            site.pipeline().addServicer(ServicingFixture.service(ImageServicer.class)); // the portable one of this framework
            ServicingFixture fixture = new ServicingFixture(work, shared.catalog.images(), shared.updates);
            List<String> ids = fixture.published(ServicingFixture.agent());
            OsImageRecord image = fixture.image();
            Path stored = Path.of(image.storedPath());
            sql(shared, "CREATE FUNCTION refuse_content_change() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'the catalog refuses the new content version'; END $$");
            sql(shared, "CREATE TRIGGER refuse_content_change BEFORE UPDATE ON os_image FOR EACH ROW "
                    + "WHEN (OLD.content_version IS DISTINCT FROM NEW.content_version) EXECUTE FUNCTION refuse_content_change()");

            ServicingRun run = site.pipeline().serviceNow(new ServicingRequest(image.id(), ids, false, false), WimProgress.NONE);

            assertTrue(run.message().contains("recording it in the catalog failed")
                    && run.message().contains("refuses the new content version"), run.message());
            WimTool.verify(stored);
            assertTrue(WimTool.dir(stored, 1).contains(AGENT_FILE), "the serviced WIM is in place");
            ServicingRun recorded = site.pipeline().history(image.id()).get(0);
            assertEquals(RunStatus.IN_PROCESS, recorded.status(), "not FAILED beside a committed WIM: " + recorded.message());
            assertEquals(1, shared.journalRows(), "the commit stays journaled for recovery");
            assertEquals(image.contentVersion(), shared.catalog.images().get(image.id()).contentVersion());

            // still refused: recovery changes nothing and keeps the journal
            site.pipeline().recoverInterrupted();
            assertEquals(RunStatus.IN_PROCESS, site.pipeline().history(image.id()).get(0).status());
            assertEquals(1, shared.journalRows());

            sql(shared, "DROP TRIGGER refuse_content_change ON os_image");
            site.pipeline().recoverInterrupted(); // as before this server's next run

            ServicingRun finished = site.pipeline().history(image.id()).get(0);
            assertEquals(RunStatus.SUCCESSFUL, finished.status(), finished.message());
            assertTrue(finished.message().contains("recorded at the next start"), finished.message());
            assertEquals(0, shared.journalRows());
            OsImageRecord now = shared.catalog.images().get(image.id());
            assertEquals(image.contentVersion() + 1, now.contentVersion());
            assertEquals(Files.size(stored), now.sizeBytes());
            assertTrue(shared.updates.installedUpdates(image.id()).installed().stream()
                    .anyMatch(u -> u.updateId().equals(ids.get(0))), "the applied update is recorded");
        }
    }

    private static void sql(SharedCatalog shared, String statement) throws Exception {
        shared.database().inTransaction("test SQL", connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
            return null;
        });
    }
}
