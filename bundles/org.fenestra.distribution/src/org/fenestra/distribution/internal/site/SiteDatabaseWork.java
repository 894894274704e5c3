package org.fenestra.distribution.internal.site;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;

/** The site database's transactions, with its failures worded as distribution failures. */
final class SiteDatabaseWork {

    private SiteDatabaseWork() {
    }

    static <T> T inTransaction(SiteDatabase database, String operation, SiteDatabase.Work<T> work)
            throws DistributionException {
        try {
            return database.inTransaction(operation, work);
        } catch (CatalogException e) {
            throw new DistributionException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
    }
}
