package org.fenestra.catalog.internal;

import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The catalog contract on a real PostgreSQL server, which this test starts in a temporary folder
 * (see {@link PostgresServer}); each test gets a database of its own on it.
 */
class PostgresImageCatalogTest extends ImageCatalogContract {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CatalogSettings newDatabase() throws Exception {
        DatabaseLogin login = server.createDatabase();
        return new CatalogSettings(login.url(), login.user(), login.password());
    }
}
