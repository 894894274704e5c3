package org.fenestra.catalog.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PostgresServer} for a test class: started before its first test, stopped after its
 * last. Register it as a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresServerExtension postgres = new PostgresServerExtension();
 * </pre>
 *
 * and take a fresh database per test with {@link #createDatabase()}.
 */
public final class PostgresServerExtension implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The running server (between the class's first and last test). */
    public PostgresServer server() {
        if (server == null) {
            throw new IllegalStateException("the PostgreSQL server runs only while the test class runs");
        }
        return server;
    }

    /** A new, empty database on the server with its own login. */
    public DatabaseLogin createDatabase() throws Exception {
        return server().createDatabase();
    }
}
