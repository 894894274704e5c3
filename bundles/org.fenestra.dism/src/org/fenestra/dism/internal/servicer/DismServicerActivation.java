package org.fenestra.dism.internal.servicer;

import java.nio.file.Path;

import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismUnavailableException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Offers the DISM servicer only where DismApi loads: it probes the library (without initialising
 * DISM) and enables the {@link DismImageServicer} component when it loads. Elsewhere the servicer
 * stays disabled, no {@code ImageServicer} named {@code dism} exists, and servicing uses the
 * portable one.
 */
@Component(immediate = true)
public final class DismServicerActivation {

    private static final System.Logger LOG = System.getLogger("org.fenestra.servicing.dism");

    @Activate
    void activate(ComponentContext component, BundleContext context) {
        DismServicerSettings settings = DismServicerSettings.from(context::getProperty);
        try {
            Path library = DismHost.probe(settings.libraryOptions());
            LOG.log(System.Logger.Level.INFO, "DISM servicer offered: DismApi loads from {0}", library);
            component.enableComponent(DismImageServicer.COMPONENT);
        } catch (DismUnavailableException e) {
            LOG.log(System.Logger.Level.INFO, "DISM servicer not offered (CBS, MSU and PSFX updates are reported "
                    + "not applied): {0}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate(ComponentContext component) {
        component.disableComponent(DismImageServicer.COMPONENT);
    }
}
