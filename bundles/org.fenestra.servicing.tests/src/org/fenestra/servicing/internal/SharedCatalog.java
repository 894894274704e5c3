package org.fenestra.servicing.internal;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.PostgresServer;
import org.fenestra.catalog.testing.TestCatalogs;
import org.fenestra.catalog.testing.TestCatalogs.OpenCatalog;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.testing.TestUpdates;

/**
 * One real PostgreSQL catalog shared by the test and the {@link SiteServerProcess}es it starts: the
 * test adds images and updates through the real services on it and, as "the next start" of a site
 * server, opens a pipeline and a scheduler of its own (whose scheduler never polls by itself).
 */
final class SharedCatalog implements AutoCloseable {

    /** Short, for quick recoveries; long enough that a loaded machine still renews it (every third) in time. */
    static final long LEASE_MILLIS = 3000;

    final DatabaseLogin login;
    final OpenCatalog catalog;
    final SoftwareUpdates updates;
    final Path library;

    SharedCatalog(PostgresServer server, Path work) throws Exception {
        login = server.createDatabase();
        catalog = TestCatalogs.open(login);
        library = work.resolve("content-library");
        updates = TestUpdates.open(catalog.database(), catalog.images(), library);
    }

    SiteDatabase database() {
        return catalog.database();
    }

    /** What every site server process of the test gets: the shared content library and a short lease. */
    Map<String, String> siteServerProperties() {
        return Map.of("fenestra.contentLibrary", library.toString(), ServerLease.LEASE, Long.toString(LEASE_MILLIS));
    }

    /** A site server start in the test's process: lease, pipeline (recovering at construction) and scheduler. */
    Start start(Path data) throws Exception {
        Map<String, String> properties = Map.of("fenestra.data", data.toString(), ServerLease.LEASE,
                Long.toString(LEASE_MILLIS), ServicingScheduler.POLL, Long.toString(86_400_000L),
                ServicingScheduler.SERVER, "test");
        ServerLease lease = new ServerLease(database(), properties::get, Clock.systemUTC());
        ServicingPipeline pipeline = new ServicingPipeline(database(), catalog.images(), updates, lease, properties::get,
                Clock.systemUTC());
        ServicingScheduler scheduler = new ServicingScheduler(database(), catalog.images(), updates, pipeline, lease,
                properties::get, Clock.systemUTC(), ZoneId.systemDefault());
        return new Start(lease, pipeline, scheduler);
    }

    record Start(ServerLease lease, ServicingPipeline pipeline, ServicingScheduler scheduler) implements AutoCloseable {
        @Override
        public void close() {
            scheduler.stop();
            lease.stop();
        }
    }

    /** The server ID recorded on a run. */
    String serverOf(long runId) throws Exception {
        return database().inTransaction("server of run " + runId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT server_id FROM servicing_run WHERE run_id = ?")) {
                select.setLong(1, runId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** Rows of the commit journal (none once every swap is recorded or undone). */
    int journalRows() throws Exception {
        return database().inTransaction("commit journal", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM servicing_commit");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    @Override
    public void close() {
        catalog.close();
    }
}
