package org.fenestra.catalog.internal;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.io.TempDir;

/** The catalog contract on the default database: an embedded H2 file database. */
class H2ImageCatalogTest extends ImageCatalogContract {

    @TempDir
    static Path folder;

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected CatalogSettings newDatabase() {
        return CatalogSettings.h2File(folder.resolve("catalog-" + DATABASES.incrementAndGet()), null, null);
    }
}
