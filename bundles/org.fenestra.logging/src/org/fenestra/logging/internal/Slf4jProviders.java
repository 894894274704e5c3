package org.fenestra.logging.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether SLF4J can find Logback in OSGi: a bundle that provides SLF4J's provider through the
 * ServiceLoader mediator specification (Logback) and the mediator's registrar (SPI Fly) are both
 * active. Found by their capabilities, not their names, and read without loading SLF4J, whose
 * first use fixes its binding for good.
 */
final class Slf4jProviders {

    private static final String SERVICELOADER = "osgi.serviceloader";
    private static final String EXTENDER = "osgi.extender";
    private static final String SLF4J_PROVIDER = "org.slf4j.spi.SLF4JServiceProvider";
    private static final String REGISTRAR = "osgi.serviceloader.registrar";

    private Slf4jProviders() {
    }

    static boolean areActive(BundleContext context) {
        List<Bundle> active = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() == Bundle.ACTIVE)
                .toList();
        return active.stream().anyMatch(bundle -> provides(bundle, SERVICELOADER, SLF4J_PROVIDER))
                && active.stream().anyMatch(bundle -> provides(bundle, EXTENDER, REGISTRAR));
    }

    /** Whether the bundles that bind SLF4J to Logback are there at all (started or not). */
    static boolean areInstalled(BundleContext context) {
        List<Bundle> all = List.of(context.getBundles());
        return all.stream().anyMatch(bundle -> provides(bundle, SERVICELOADER, SLF4J_PROVIDER))
                && all.stream().anyMatch(bundle -> provides(bundle, EXTENDER, REGISTRAR));
    }

    /** Logback or SPI Fly: their own start events come before the binding is complete. */
    static boolean isPartOfTheBinding(Bundle bundle) {
        return provides(bundle, SERVICELOADER, SLF4J_PROVIDER) || provides(bundle, EXTENDER, REGISTRAR);
    }

    private static boolean provides(Bundle bundle, String namespace, String value) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability capability : revision.getDeclaredCapabilities(namespace)) {
            if (value.equals(capability.getAttributes().get(namespace))) {
                return true;
            }
        }
        return false;
    }
}
