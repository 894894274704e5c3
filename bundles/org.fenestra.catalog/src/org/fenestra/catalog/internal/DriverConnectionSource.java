package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.fenestra.catalog.api.CatalogException;

/**
 * A new JDBC connection per use, from the dialect's driver. Catalog operations are few and
 * short, so connection setup is not worth a pool; for an embedded H2 database one connection is
 * held for the source's lifetime so the database stays open between operations.
 */
final class DriverConnectionSource implements ConnectionSource {

    private final CatalogSettings settings;
    private final SqlDialect dialect;
    private final Driver driver;
    private final Connection keepOpen;

    DriverConnectionSource(CatalogSettings settings) throws CatalogException {
        this.settings = settings;
        this.dialect = SqlDialect.forUrl(settings.url());
        try {
            this.driver = dialect.newDriver();
        } catch (NoClassDefFoundError e) {
            throw new CatalogException("The JDBC driver for " + settings.url() + " is not installed: "
                    + dialect.driverName(), e);
        }
        try {
            this.keepOpen = dialect.closesDatabaseWithLastConnection() ? open() : null;
        } catch (SQLException e) {
            throw new CatalogException("Cannot open the catalog database " + settings + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Connection open() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        login.setProperty("password", settings.password());
        Connection connection = driver.connect(settings.url(), login);
        if (connection == null) {
            throw new SQLException("The " + dialect.driverName() + " driver does not accept the URL " + settings.url());
        }
        try (Statement statement = connection.createStatement()) {
            for (String setting : dialect.sessionSettings()) {
                statement.execute(setting);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    @Override
    public void close() {
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException e) {
                System.getLogger(DriverConnectionSource.class.getName()).log(System.Logger.Level.WARNING,
                        "Closing the catalog database " + settings + " failed", e);
            }
        }
    }
}
