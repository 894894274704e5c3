package org.fenestra.updates.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fenestra.catalog.api.CatalogChange;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ListenerRegistration;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.wim.model.WimProgress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the packages of each image the catalog adds, so its installed updates are known from the
 * import on. It listens to the catalog rather than being called by the importer, so that
 * {@code org.fenestra.content} needs nothing of updates. The reading runs on a thread of its own:
 * catalog listeners must return at once. A failure is logged; {@code image-updates} reads the
 * image again on demand.
 */
@Component(immediate = true)
public final class ImportScanner {

    private static final Logger LOG = System.getLogger(ImportScanner.class.getName());

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fenestra-updates-import-scan");
        thread.setDaemon(true);
        return thread;
    });
    private final SoftwareUpdates updates;
    private final ListenerRegistration registration;

    @Activate
    public ImportScanner(@Reference ImageCatalog catalog, @Reference SoftwareUpdates updates) {
        this.updates = updates;
        this.registration = catalog.addListener(this::catalogChanged);
    }

    private void catalogChanged(CatalogChange change) {
        if (change.kind() == CatalogChange.Kind.ADDED) {
            worker.execute(() -> scan(change.imageId()));
        }
    }

    private void scan(String imageId) {
        try {
            updates.rescan(imageId, WimProgress.NONE);
        } catch (UpdateException e) {
            if (e.reason() == UpdateException.Reason.NO_SUCH_IMAGE) {
                return; // removed before it was read
            }
            LOG.log(Level.WARNING, "Cannot read the installed updates of the imported image {0}: {1}", imageId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Reading the installed updates of the imported image " + imageId + " failed", e);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        registration.close();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
