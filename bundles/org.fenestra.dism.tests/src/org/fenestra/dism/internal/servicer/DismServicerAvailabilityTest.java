package org.fenestra.dism.internal.servicer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.fenestra.dism.internal.Standin;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The DISM servicer is registered only where DismApi loads: with fenestra.dism.path at the stand-in
 * it is there (and chosen for CBS packages, above the portable one); with a folder holding no
 * DismApi (as on every machine without DISM) only the portable servicer is.
 */
class DismServicerAvailabilityTest {

    @TempDir
    Path folder;

    @AfterEach
    void standInAgain() throws Exception {
        DismServicerComponents.probeWith(Standin.FOLDER.toString());
    }

    @Test
    void whereDismApiLoadsTheDismServicerIsOfferedAndPreferredForCbs() throws Exception {
        DismServicerComponents.probeWith(Standin.FOLDER.toString());
        List<String> names = DismServicerComponents.servicerNames(true);
        assertTrue(names.contains("dism") && names.contains("portable"), names.toString());

        BundleContext context = FrameworkUtil.getBundle(DismServicerComponents.class).getBundleContext();
        ImageServicer best = null;
        for (ServiceReference<ImageServicer> reference : context.getServiceReferences(ImageServicer.class, null)) {
            ImageServicer servicer = context.getService(reference);
            if (servicer.supports(PackageType.CBS).supported() && (best == null || servicer.priority() > best.priority())) {
                best = servicer;
            }
        }
        assertEquals("dism", best == null ? null : best.name());

        // and it works: a session on a real WIM through the registered service
        Standin.reset();
        Standin.useFiles();
        Path wim = TestImages.windowsImage(folder.resolve("tree"), folder.resolve("install.wim"));
        try (var session = best.open(wim, 1, java.nio.file.Files.createDirectories(folder.resolve("work")), WimProgress.NONE)) {
            assertEquals(TestImages.INSTALLED_MUM, session.packages().get(0).identity());
        }
        Standin.assertNoLeaks();
    }

    @Test
    void whereDismApiDoesNotLoadOnlyThePortableServicerIsThere() throws Exception {
        DismServicerComponents.probeWith(folder.toString());
        List<String> names = DismServicerComponents.servicerNames(false);
        assertFalse(names.contains("dism"), names.toString());
        assertTrue(names.contains("portable"), names.toString());
    }
}
