package org.fenestra.updates.testing;

import java.nio.file.Path;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.internal.UpdatesForTests;

/**
 * The real software updates service on a test catalog (e.g. one of {@code TestCatalogs} on a
 * {@code PostgresServer}), for the tests of bundles that need updates in a database other than
 * their framework's: servicing's site-server tests, where several processes share one catalog.
 */
public final class TestUpdates {

    private TestUpdates() {
    }

    /** The service over {@code database}, downloading into the content library at {@code libraryRoot}. */
    public static SoftwareUpdates open(SiteDatabase database, ImageCatalog images, Path libraryRoot) {
        return UpdatesForTests.open(database, images, libraryRoot);
    }
}
