package org.fenestra.updates.internal;

import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.PostgresServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The software updates contract on a real PostgreSQL server started by the catalog's test support. */
class PostgresSoftwareUpdatesTest extends SoftwareUpdatesContract {

    @RegisterExtension
    static final PostgresServerExtension postgres = new PostgresServerExtension();

    @Override
    protected DatabaseLogin newDatabase() throws Exception {
        return postgres.createDatabase();
    }
}
