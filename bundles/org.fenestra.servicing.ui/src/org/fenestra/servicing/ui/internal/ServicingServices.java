package org.fenestra.servicing.ui.internal;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.servicing.api.DistributionPointUpdater;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.ServicingDrive;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.updates.api.SoftwareUpdates;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services the servicing workbench parts use, followed with service trackers on this bundle's
 * context (as they come and go). Every call on them belongs in a Job: none is made on the UI thread.
 */
public final class ServicingServices {

    private static ServicingServices instance;

    private final ServiceTracker<OfflineServicing, OfflineServicing> servicing;
    private final ServiceTracker<ServicingSchedules, ServicingSchedules> schedules;
    private final ServiceTracker<ServicingDrive, ServicingDrive> drive;
    private final ServiceTracker<SoftwareUpdates, SoftwareUpdates> updates;
    private final ServiceTracker<ImageCatalog, ImageCatalog> catalog;
    /** Servicing's own SPI, present where the distribution glue bundle runs (absent: "not available"). */
    private final ServiceTracker<DistributionPointUpdater, DistributionPointUpdater> distribution;

    private ServicingServices(BundleContext context) {
        servicing = open(new ServiceTracker<>(context, OfflineServicing.class, null));
        schedules = open(new ServiceTracker<>(context, ServicingSchedules.class, null));
        drive = open(new ServiceTracker<>(context, ServicingDrive.class, null));
        updates = open(new ServiceTracker<>(context, SoftwareUpdates.class, null));
        catalog = open(new ServiceTracker<>(context, ImageCatalog.class, null));
        distribution = open(new ServiceTracker<>(context, DistributionPointUpdater.class, null));
    }

    private static <S, T> ServiceTracker<S, T> open(ServiceTracker<S, T> tracker) {
        tracker.open(true);
        return tracker;
    }

    /** The trackers of this bundle, opened on first use. */
    public static synchronized ServicingServices of() {
        if (instance == null) {
            instance = new ServicingServices(FrameworkUtil.getBundle(ServicingServices.class).getBundleContext());
        }
        return instance;
    }

    /** @throws ServicingException saying the servicing pipeline is not running */
    public OfflineServicing servicing() throws ServicingException {
        return required(servicing, Messages.Services_servicingNotRunning);
    }

    /** @throws ServicingException saying the servicing scheduler is not running */
    public ServicingSchedules schedules() throws ServicingException {
        return required(schedules, Messages.Services_servicingNotRunning);
    }

    /** @throws ServicingException saying the servicing drive setting's service is not running */
    public ServicingDrive drive() throws ServicingException {
        return required(drive, Messages.Services_driveNotRunning);
    }

    /** @throws ServicingException saying the software updates service is not running */
    public SoftwareUpdates updates() throws ServicingException {
        return required(updates, Messages.Services_updatesNotRunning);
    }

    /** @throws ServicingException saying the site catalog is not running */
    public ImageCatalog catalog() throws ServicingException {
        return required(catalog, Messages.Services_catalogNotRunning);
    }

    /** Whether distribution points can be updated after servicing (the distribution glue runs). */
    public boolean distributionAvailable() {
        return distribution.getService() != null;
    }

    private static <S> S required(ServiceTracker<S, S> tracker, String absent) throws ServicingException {
        S service = tracker.getService();
        if (service == null) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, absent);
        }
        return service;
    }
}
