package org.fenestra.catalog.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.catalog.api.CatalogException;

/**
 * Brings the catalog database to the schema version of the code: applies each migration script
 * the {@code schema_version} table does not list yet, each in its own transaction, and refuses a
 * database whose version is newer than the newest script.
 */
final class SchemaMigrator {

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    /*
     * An embedded H2 database belongs to one process, and H2 commits DDL at once, so the database
     * cannot keep two catalogs of this process from interleaving their migrations; this lock does.
     * Where DDL is transactional (PostgreSQL), the schema_version row keeps any number of
     * catalogs, in this process or on other site servers, apart (see record).
     */
    private static final Object IN_PROCESS = new Object();

    private static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + " version_number INTEGER NOT NULL,"
            + " description VARCHAR(200) NOT NULL,"
            + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " CONSTRAINT pk_schema_version PRIMARY KEY (version_number))";

    private final ConnectionSource connections;
    private final List<MigrationScript> scripts;

    /** @param scripts in version order, 1, 2, … (see {@link MigrationScripts#ordered(List)}) */
    SchemaMigrator(ConnectionSource connections, List<MigrationScript> scripts) {
        this.connections = connections;
        this.scripts = MigrationScripts.ordered(scripts);
    }

    /**
     * @return the scripts this call applied; empty when the database was already current
     * @throws SchemaTooNewException if the database has a newer schema than the scripts
     * @throws CatalogException if a migration fails; it is rolled back (on H2, DDL statements
     *         before the failing one stay applied) and not recorded
     */
    List<MigrationScript> migrate() throws CatalogException {
        if (connections.dialect().hasTransactionalDdl()) {
            return migrateNow();
        }
        synchronized (IN_PROCESS) {
            return migrateNow();
        }
    }

    private List<MigrationScript> migrateNow() throws CatalogException {
        try (Connection connection = connections.open()) {
            createVersionTable(connection);
            int current = currentVersion(connection);
            int latest = scripts.get(scripts.size() - 1).version();
            if (current > latest) {
                throw new SchemaTooNewException(connections.describe(), current, latest);
            }
            List<MigrationScript> applied = new ArrayList<>();
            for (MigrationScript script : scripts) {
                if (script.version() > current && apply(connection, script)) {
                    applied.add(script);
                }
            }
            return applied;
        } catch (SQLException e) {
            throw new CatalogException("Cannot read the schema version of the catalog database "
                    + connections.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Two servers creating the table at the same moment can both pass PostgreSQL's IF NOT EXISTS
     * check, and the later one fails on the catalog's unique index; by the time it retries, the
     * other's table is committed and IF NOT EXISTS holds.
     */
    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try {
                statement.execute(CREATE_VERSION_TABLE);
            } catch (SQLException raced) {
                try {
                    statement.execute(CREATE_VERSION_TABLE);
                } catch (SQLException again) {
                    again.addSuppressed(raced);
                    throw again;
                }
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MAX(version_number) FROM schema_version")) {
            row.next();
            return row.getInt(1); // 0 (SQL NULL) for a new database
        }
    }

    /** @return false if another site server applied the script first */
    private boolean apply(Connection connection, MigrationScript script) throws SQLException, CatalogException {
        boolean transactionalDdl = connections.dialect().hasTransactionalDdl();
        connection.setAutoCommit(false);
        int statementNumber = 0;
        try {
            if (transactionalDdl && !record(connection, script)) {
                connection.rollback();
                LOG.log(Level.INFO, "Catalog migration {0} was applied by another site server", script.name());
                return false;
            }
            for (String sql : script.statements()) {
                statementNumber++;
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
            if (!transactionalDdl) {
                // Recorded last: H2 has already committed the DDL, so the row must only say "done" when it is.
                record(connection, script);
            }
            connection.commit();
            LOG.log(Level.INFO, "Applied catalog migration {0} to {1}", script.name(), connections.describe());
            return true;
        } catch (SQLException e) {
            connection.rollback();
            throw new CatalogException("Catalog migration " + script.name() + " failed on " + connections.describe()
                    + (statementNumber == 0 ? "" : " at statement " + statementNumber) + ": " + e.getMessage()
                    + ". The schema stays at version " + (script.version() - 1)
                    + (transactionalDdl ? "." : "; on H2 the DDL statements before the failing one stay applied."), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Inserts the script's version row. Done first where DDL is transactional: the row then acts as
     * the migration's lock, so a second site server migrating the same database at the same moment
     * waits on it and then finds the version taken, instead of running the script twice.
     *
     * @return false if the version is already recorded
     */
    private static boolean record(Connection connection, MigrationScript script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version_number, description, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, script.version());
            insert.setString(2, script.description());
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlDialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
