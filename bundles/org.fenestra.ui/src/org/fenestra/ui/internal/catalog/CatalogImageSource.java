package org.fenestra.ui.internal.catalog;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ListenerRegistration;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.ui.api.ImageSummary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Feeds a view with the catalog's OS images: follows the {@link ImageCatalog} service as it
 * comes and goes, reloads in a background {@link Job} at start and after every catalog
 * change, and hands each new list to the consumer (which moves it to the UI thread).
 */
public final class CatalogImageSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CatalogImageSource.class.getName());

    private final Consumer<List<ImageSummary>> consumer;
    private final ServiceTracker<ImageCatalog, ImageCatalog> tracker;
    private volatile ListenerRegistration registration;

    public CatalogImageSource(Consumer<List<ImageSummary>> consumer) {
        this.consumer = consumer;
        BundleContext context = FrameworkUtil.getBundle(CatalogImageSource.class).getBundleContext();
        this.tracker = new ServiceTracker<>(context, ImageCatalog.class, null) {
            @Override
            public ImageCatalog addingService(ServiceReference<ImageCatalog> reference) {
                ImageCatalog catalog = super.addingService(reference);
                if (catalog != null) {
                    registration = catalog.addListener(change -> reload(catalog));
                    reload(catalog);
                }
                return catalog;
            }

            @Override
            public void removedService(ServiceReference<ImageCatalog> reference, ImageCatalog catalog) {
                closeRegistration();
                consumer.accept(List.of());
                super.removedService(reference, catalog);
            }
        };
    }

    /** Starts following the catalog; the first list arrives asynchronously. */
    public CatalogImageSource open() {
        tracker.open();
        return this;
    }

    private void reload(ImageCatalog catalog) {
        Job job = Job.create("Loading OS images from the site catalog", (IProgressMonitor monitor) -> {
            try {
                consumer.accept(catalog.list().stream().map(CatalogImageSource::summaryOf).toList());
                return Status.OK_STATUS;
            } catch (CatalogException e) {
                LOG.log(Level.ERROR, "cannot list OS images", e);
                return Status.error("Cannot list the OS images of the site catalog: " + e.getMessage(), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    static ImageSummary summaryOf(OsImageRecord image) {
        // Scheduled servicing arrives with the servicing issue; until then there is none to show.
        return new ImageSummary(image.id(), image.name(), image.version(), image.osVersion(),
                image.architecture().name().toLowerCase(Locale.ROOT), image.language(), image.sizeBytes(),
                image.imageIndex(), null, "", image.dateAdded());
    }

    private void closeRegistration() {
        ListenerRegistration current = registration;
        registration = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public void close() {
        closeRegistration();
        tracker.close();
    }
}
