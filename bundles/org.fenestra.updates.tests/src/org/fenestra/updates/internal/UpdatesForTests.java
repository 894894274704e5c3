package org.fenestra.updates.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.updates.api.SoftwareUpdates;

/** The bridge from {@code org.fenestra.updates.testing} to the service's package-private constructor. */
public final class UpdatesForTests {

    private UpdatesForTests() {
    }

    public static SoftwareUpdates open(SiteDatabase database, ImageCatalog images, Path libraryRoot) {
        return new JdbcSoftwareUpdates(database, images, name -> null, libraryRoot, Clock.systemUTC());
    }
}
