package org.fenestra.distribution.ui.internal;

import java.util.HashMap;
import java.util.Map;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The site services the distribution workbench calls, tracked on this bundle's context (as the
 * workbench follows the catalog: they may still be starting, or gone). Only for Jobs: waiting
 * for a service that is starting blocks.
 */
public final class DistributionServices {

    /** How long a Job waits for a service that is still starting before it reports it missing. */
    private static final long START_WAIT_MILLIS = 10_000;
    private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new HashMap<>();

    private DistributionServices() {
    }

    public static DistributionPoints points() throws ServiceUnavailableException {
        return require(DistributionPoints.class, "distribution points");
    }

    public static ContentDistribution distribution() throws ServiceUnavailableException {
        return require(ContentDistribution.class, "content distribution");
    }

    public static MulticastSettings multicast() throws ServiceUnavailableException {
        return require(MulticastSettings.class, "multicast settings");
    }

    public static ImageCatalog catalog() throws ServiceUnavailableException {
        return require(ImageCatalog.class, "site catalog");
    }

    private static <T> T require(Class<T> type, String what) throws ServiceUnavailableException {
        try {
            T service = tracker(type).waitForService(START_WAIT_MILLIS);
            if (service == null) {
                throw new ServiceUnavailableException("The " + what + " service is not running (see the logs).");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting for the " + what + " service.");
        }
    }

    @SuppressWarnings("unchecked")
    private static synchronized <T> ServiceTracker<T, T> tracker(Class<T> type) {
        return (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(type, key -> {
            BundleContext context = FrameworkUtil.getBundle(DistributionServices.class).getBundleContext();
            ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
            tracker.open();
            return tracker;
        });
    }

    /** A service the workbench needs is not running; the message says which. */
    public static final class ServiceUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public ServiceUnavailableException(String message) {
            super(message);
        }
    }
}
