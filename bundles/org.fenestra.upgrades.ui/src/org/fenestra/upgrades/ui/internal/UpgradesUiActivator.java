package org.fenestra.upgrades.ui.internal;

import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.content.api.UpgradePackageImporter;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Tracks the upgrade package services for the view and the wizard while the bundle is active. */
public final class UpgradesUiActivator implements BundleActivator {

    private static volatile ServiceTracker<UpgradePackageCatalog, UpgradePackageCatalog> catalog;
    private static volatile ServiceTracker<UpgradePackageImporter, UpgradePackageImporter> importer;

    @Override
    public void start(BundleContext context) {
        ServiceTracker<UpgradePackageCatalog, UpgradePackageCatalog> catalogTracker = new ServiceTracker<>(context,
                UpgradePackageCatalog.class, null);
        catalogTracker.open();
        ServiceTracker<UpgradePackageImporter, UpgradePackageImporter> importerTracker = new ServiceTracker<>(context,
                UpgradePackageImporter.class, null);
        importerTracker.open();
        catalog = catalogTracker;
        importer = importerTracker;
    }

    @Override
    public void stop(BundleContext context) {
        close(catalog);
        close(importer);
        catalog = null;
        importer = null;
    }

    private static void close(ServiceTracker<?, ?> tracker) {
        if (tracker != null) {
            tracker.close();
        }
    }

    static ServiceTracker<UpgradePackageCatalog, UpgradePackageCatalog> catalog() {
        return catalog;
    }

    static ServiceTracker<UpgradePackageImporter, UpgradePackageImporter> importer() {
        return importer;
    }
}
