package org.fenestra.catalog.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;

import org.fenestra.catalog.api.CatalogException;

/**
 * Everything that differs between the databases the catalog runs on. The catalog's SQL itself is
 * portable; what is left is how to connect and how each database behaves around transactions.
 */
enum SqlDialect {

    H2("jdbc:h2:", "H2 (bundle com.h2database)") {
        @Override
        Driver newDriver() {
            return new org.h2.Driver();
        }

        @Override
        List<String> sessionSettings() {
            // H2 gives up on a row lock after 1 s by default; adds on a busy site wait longer.
            return List.of("SET LOCK_TIMEOUT 10000");
        }

        @Override
        boolean hasTransactionalDdl() {
            return false; // every H2 DDL statement commits the open transaction
        }

        @Override
        boolean closesDatabaseWithLastConnection() {
            return true;
        }
    },

    POSTGRESQL("jdbc:postgresql:", "PostgreSQL (bundle org.postgresql.jdbc)") {
        @Override
        Driver newDriver() {
            return new org.postgresql.Driver();
        }

        @Override
        List<String> sessionSettings() {
            // PostgreSQL waits for a lock forever by default; a stuck site server must not hang the others.
            return List.of("SET lock_timeout = '10s'");
        }

        @Override
        boolean hasTransactionalDdl() {
            return true;
        }

        @Override
        boolean closesDatabaseWithLastConnection() {
            return false;
        }
    };

    /** SQLSTATE of a unique or primary key violation; the SQL standard's, used by both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String urlPrefix;
    private final String driverName;

    SqlDialect(String urlPrefix, String driverName) {
        this.urlPrefix = urlPrefix;
        this.driverName = driverName;
    }

    /**
     * The driver, created directly: {@code DriverManager} discovers drivers through the
     * context class loader, which inside OSGi sees neither driver bundle.
     */
    abstract Driver newDriver();

    /** Statements run on every new connection. */
    abstract List<String> sessionSettings();

    /** Whether DDL takes part in transactions, so a migration can be rolled back as a whole. */
    abstract boolean hasTransactionalDdl();

    /** Whether an embedded database closes (and must reopen its files) when its last connection closes. */
    abstract boolean closesDatabaseWithLastConnection();

    String driverName() {
        return driverName;
    }

    static SqlDialect forUrl(String url) throws CatalogException {
        for (SqlDialect dialect : values()) {
            if (url.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new CatalogException("Unsupported catalog database URL '" + url + "' (" + CatalogSettings.URL
                + "): Fenestra supports jdbc:h2: and jdbc:postgresql: URLs");
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
