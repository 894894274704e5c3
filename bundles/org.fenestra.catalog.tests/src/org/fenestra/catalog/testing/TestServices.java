package org.fenestra.catalog.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services Declarative Services publishes in a test framework, as the bundle under test sees
 * them: what every bundle's tests that run real DS components need (one copy, here beside the
 * catalog's other test support, instead of one per fragment).
 */
public final class TestServices {

    private TestServices() {
    }

    /**
     * Waits up to 30 s for a {@code type} service, seen from the bundle of {@code fromBundleOf}
     * (started first if it is not), and fails the test naming the type when none comes.
     */
    public static <T> T get(Class<T> type, Class<?> fromBundleOf) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(fromBundleOf);
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
