package org.fenestra.catalog.testing;

import java.nio.file.Path;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.catalog.internal.CatalogsForTests;

/**
 * Opens the real catalog (migrated with every shipped script) on a test database, for the tests of
 * bundles that keep their tables in the site database: each runs its contract on H2 and on a
 * {@link PostgresServer} database through this, as the catalog's own contract does.
 */
public final class TestCatalogs {

    private TestCatalogs() {
    }

    /** An open catalog; closing it closes its connections. */
    public interface OpenCatalog extends AutoCloseable {
        ImageCatalog images();

        SiteDatabase database();

        @Override
        void close();
    }

    public static OpenCatalog open(DatabaseLogin login) throws CatalogException {
        return CatalogsForTests.open(login.url(), login.user(), login.password());
    }

    /** An embedded H2 file database at {@code databasePath} (created when absent). */
    public static DatabaseLogin h2(Path databasePath) {
        return new DatabaseLogin("jdbc:h2:file:" + databasePath.toAbsolutePath(), "fenestra", "");
    }
}
