package org.fenestra.catalog.internal;

import java.time.Clock;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.catalog.testing.TestCatalogs.OpenCatalog;
import org.osgi.framework.FrameworkUtil;

/** The bridge from {@code org.fenestra.catalog.testing} to the catalog's package-private constructor. */
public final class CatalogsForTests {

    private CatalogsForTests() {
    }

    public static OpenCatalog open(String url, String user, String password) throws CatalogException {
        JdbcImageCatalog catalog = new JdbcImageCatalog(new CatalogSettings(url, user, password),
                MigrationScripts.in(FrameworkUtil.getBundle(JdbcImageCatalog.class)), Clock.systemUTC());
        return new OpenCatalog() {
            @Override
            public ImageCatalog images() {
                return catalog;
            }

            @Override
            public SiteDatabase database() {
                return catalog;
            }

            @Override
            public void close() {
                catalog.close();
            }
        };
    }
}
