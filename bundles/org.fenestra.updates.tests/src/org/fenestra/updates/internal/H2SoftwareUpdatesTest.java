package org.fenestra.updates.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.fenestra.catalog.testing.DatabaseLogin;
import org.fenestra.catalog.testing.TestCatalogs;
import org.junit.jupiter.api.io.TempDir;

/** The software updates contract on the default database: an embedded H2 file database. */
class H2SoftwareUpdatesTest extends SoftwareUpdatesContract {

    @TempDir
    static Path databases;

    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    protected DatabaseLogin newDatabase() {
        return TestCatalogs.h2(databases.resolve("site-" + COUNT.incrementAndGet()));
    }
}
