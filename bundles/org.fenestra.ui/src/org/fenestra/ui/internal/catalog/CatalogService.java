package org.fenestra.ui.internal.catalog;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** One call on the {@link ImageCatalog} service, for dialogs that read or save a record once. */
public final class CatalogService {

    /** Work on the catalog. */
    @FunctionalInterface
    public interface Call<T> {
        T on(ImageCatalog catalog) throws CatalogException;
    }

    private CatalogService() {
    }

    /** @throws CatalogException the call's own, or one saying the catalog service is not running */
    public static <T> T call(Call<T> call) throws CatalogException {
        BundleContext context = FrameworkUtil.getBundle(CatalogService.class).getBundleContext();
        ServiceReference<ImageCatalog> reference = context.getServiceReference(ImageCatalog.class);
        ImageCatalog catalog = reference == null ? null : context.getService(reference);
        if (catalog == null) {
            throw new CatalogException("The site catalog is not available; see the log for why it did not start.");
        }
        try {
            return call.on(catalog);
        } finally {
            context.ungetService(reference);
        }
    }
}
