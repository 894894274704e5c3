package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The services DS publishes in the test framework. */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(Services.class);
        if (bundle.getBundleContext() == null) {
            bundle.start();
        }
        BundleContext context = bundle.getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        assertNotNull(service, "no " + type.getName() + " service");
        return service;
    }
}
