package org.fenestra.upgrades.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.content.api.UpgradePackageImporter;
import org.osgi.util.tracker.ServiceTracker;

/** Reaches the upgrade package services from background jobs, waiting while Declarative Services starts them. */
public final class UpgradeServices {

    private static final long WAIT_MILLIS = 30_000;

    private UpgradeServices() {
    }

    /** Never call on the UI thread. */
    public static UpgradePackageCatalog catalog(IProgressMonitor monitor) throws CatalogException {
        return await(UpgradesUiActivator.catalog(), monitor);
    }

    /** Never call on the UI thread. */
    public static UpgradePackageImporter importer(IProgressMonitor monitor) throws CatalogException {
        return await(UpgradesUiActivator.importer(), monitor);
    }

    private static <S> S await(ServiceTracker<S, S> tracker, IProgressMonitor monitor) throws CatalogException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (tracker != null && System.currentTimeMillis() < deadline) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            try {
                S service = tracker.waitForService(200);
                if (service != null) {
                    return service;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
        throw new CatalogException("The site catalog is not running (is its database available?).");
    }
}
