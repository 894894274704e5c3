package org.fenestra.catalog.internal;

import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.PostgresServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog contract on a real PostgreSQL server, which this test starts in a temporary folder
 * (see {@link org.fenestra.catalog.testing.PostgresServer}); each test gets a database of its own on it.
 */
class PostgresImageCatalogTest extends ImageCatalogContract {

    @RegisterExtension
    static final PostgresServerExtension postgres = new PostgresServerExtension();

    @Override
    protected CatalogSettings newDatabase() throws Exception {
        DatabaseLogin login = postgres.createDatabase();
        return new CatalogSettings(login.url(), login.user(), login.password());
    }
}
