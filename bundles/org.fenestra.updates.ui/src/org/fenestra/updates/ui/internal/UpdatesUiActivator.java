package org.fenestra.updates.ui.internal;

import org.fenestra.updates.api.SoftwareUpdates;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks the {@link SoftwareUpdates} service for the bundle's views and tabs while the bundle is
 * active (it starts when the workbench first loads one of them).
 */
public final class UpdatesUiActivator implements BundleActivator {

    private static volatile ServiceTracker<SoftwareUpdates, SoftwareUpdates> tracker;

    @Override
    public void start(BundleContext context) {
        ServiceTracker<SoftwareUpdates, SoftwareUpdates> opened = new ServiceTracker<>(context, SoftwareUpdates.class, null);
        opened.open();
        tracker = opened;
    }

    @Override
    public void stop(BundleContext context) {
        ServiceTracker<SoftwareUpdates, SoftwareUpdates> current = tracker;
        tracker = null;
        if (current != null) {
            current.close();
        }
    }

    /** The tracker, or null when the bundle is not active. */
    static ServiceTracker<SoftwareUpdates, SoftwareUpdates> tracker() {
        return tracker;
    }
}
