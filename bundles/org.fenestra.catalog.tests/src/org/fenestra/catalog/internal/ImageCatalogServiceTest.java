package org.fenestra.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/** Runs inside a real Equinox framework with Felix SCR: the catalog as consumers get it. */
class ImageCatalogServiceTest {

    private static final String COMPONENT = JdbcImageCatalog.class.getName();

    @Test
    void scrRegistersTheCatalogOnTheDatabaseInTheDataFolder(@TempDir Path dataFolder) throws Exception {
        // The component is delayed: it reads its settings when first used, which is below.
        String previous = System.setProperty(CatalogSettings.DATA, dataFolder.toString());
        ServiceTracker<ImageCatalog, ImageCatalog> tracker = null;
        try {
            BundleContext context = startedCatalogBundle();
            ServiceComponentRuntime scr = await(context, ServiceComponentRuntime.class);
            ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs().stream()
                    .filter(d -> d.name.equals(COMPONENT)).findFirst().orElse(null);
            assertNotNull(description, "SCR knows no component " + COMPONENT);
            assertEquals("org.fenestra.catalog", description.bundle.symbolicName);
            assertTrue(scr.isComponentEnabled(description));

            tracker = new ServiceTracker<>(context, ImageCatalog.class, null);
            tracker.open();
            ImageCatalog catalog = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            assertNotNull(catalog, "no ImageCatalog service within 30 s (see the log for why activation failed)");

            OsImageRecord added = catalog.add(ImageCatalogContract.image("Windows 11 Enterprise"));
            assertEquals(added, catalog.get(added.id()));
            assertTrue(Files.isRegularFile(dataFolder.resolve("catalog").resolve("fenestra.mv.db")),
                    "the default database lives in <fenestra.data>/catalog");
            ComponentConfigurationDTO configuration = scr.getComponentConfigurationDTOs(description).iterator().next();
            assertEquals(ComponentConfigurationDTO.ACTIVE, configuration.state);
        } finally {
            if (tracker != null) {
                tracker.close(); // the last user gone, SCR deactivates the catalog, which closes the database
            }
            if (previous == null) {
                System.clearProperty(CatalogSettings.DATA);
            } else {
                System.setProperty(CatalogSettings.DATA, previous);
            }
        }
    }

    private static BundleContext startedCatalogBundle() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(JdbcImageCatalog.class);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        return bundle.getBundleContext();
    }

    private static <T> T await(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, "no " + type.getName() + " service within 30 s");
        return service;
    }
}
