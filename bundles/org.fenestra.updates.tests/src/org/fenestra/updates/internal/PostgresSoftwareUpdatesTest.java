package org.fenestra.updates.internal;

import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The software updates contract on a real PostgreSQL server started by the catalog's test support. */
class PostgresSoftwareUpdatesTest extends SoftwareUpdatesContract {

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
    protected DatabaseLogin newDatabase() throws Exception {
        return server.createDatabase();
    }
}
