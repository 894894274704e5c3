package org.fenestra.dism.internal.servicer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.fenestra.dism.DismHostOptions;
import org.fenestra.servicing.api.ImageServicer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The DISM servicer's DS components in the test framework: probing again (the activation component
 * disabled and enabled, as a restart of the bundle would) with {@code fenestra.dism.path} pointing
 * at a folder of the test's choosing, and the {@link ImageServicer}s that are registered.
 */
final class DismServicerComponents {

    private DismServicerComponents() {
    }

    /** Probes again with {@code fenestra.dism.path} set to {@code libraryFolder} (the property stays set). */
    static void probeWith(String libraryFolder) throws Exception {
        System.setProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY, libraryFolder);
        BundleContext context = context();
        ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> tracker = new ServiceTracker<>(context,
                ServiceComponentRuntime.class, null);
        tracker.open();
        try {
            ServiceComponentRuntime scr = tracker.waitForService(30_000);
            assertNotNull(scr, "no ServiceComponentRuntime");
            Bundle dism = FrameworkUtil.getBundle(DismServicerActivation.class);
            ComponentDescriptionDTO activation = scr.getComponentDescriptionDTO(dism,
                    DismServicerActivation.class.getName());
            assertNotNull(activation, "no DismServicerActivation component");
            scr.disableComponent(activation).getValue();
            scr.enableComponent(activation).getValue();
        } finally {
            tracker.close();
        }
    }

    /** The registered servicers' names, waiting up to 10 s for {@code dism} to be there or not, as expected. */
    static List<String> servicerNames(boolean dismExpected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> names;
        do {
            names = names();
            if (names.contains("dism") == dismExpected) {
                return names;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return names;
    }

    private static List<String> names() throws Exception {
        BundleContext context = context();
        Collection<ServiceReference<ImageServicer>> references = context.getServiceReferences(ImageServicer.class, null);
        List<String> names = new ArrayList<>();
        for (ServiceReference<ImageServicer> reference : references) {
            Optional.ofNullable(context.getService(reference)).ifPresent(servicer -> names.add(servicer.name()));
            context.ungetService(reference);
        }
        return names;
    }

    private static BundleContext context() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DismServicerComponents.class);
        if (bundle.getBundleContext() == null) {
            bundle.start();
        }
        return bundle.getBundleContext();
    }
}
