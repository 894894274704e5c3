package org.fenestra.content.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The services DS publishes in the test framework, and a file hash for "the source did not change". */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(WimImageImporter.class);
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

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
