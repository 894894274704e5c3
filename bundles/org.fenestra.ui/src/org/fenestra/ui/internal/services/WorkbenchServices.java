package org.fenestra.ui.internal.services;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.ui.PlatformUI;
import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ListenerRegistration;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportException.Reason;
import org.fenestra.ui.internal.Messages;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Fenestra services the workbench uses, bound by Declarative Services. Both references are
 * optional and dynamic: the workbench opens while the catalog is still starting (or failed to
 * start) and follows it as it comes and goes. Views and dialogs reach this component through
 * the workbench's service locator ({@link #of()}), which serves OSGi services, and subscribe
 * to {@link #onCatalogChanged} instead of tracking the catalog themselves.
 */
@Component(service = WorkbenchServices.class, immediate = true)
public final class WorkbenchServices {

    private volatile ImageCatalog catalog;
    // field references: DS sets and clears them as the services come and go
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImageImporter importer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SiteDatabase siteDatabase;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImageRemover remover;
    private volatile ListenerRegistration catalogRegistration;
    private final List<Runnable> catalogSubscribers = new CopyOnWriteArrayList<>();

    /** The component, from the running workbench's services. */
    public static WorkbenchServices of() {
        WorkbenchServices services = PlatformUI.getWorkbench().getService(WorkbenchServices.class);
        if (services == null) {
            throw new IllegalStateException("the Fenestra workbench services component is not active");
        }
        return services;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCatalog(ImageCatalog bound) {
        closeRegistration();
        catalog = bound;
        catalogRegistration = bound.addListener(change -> notifyCatalogSubscribers());
        notifyCatalogSubscribers();
    }

    void unbindCatalog(ImageCatalog unbound) {
        if (catalog == unbound) {
            closeRegistration();
            catalog = null;
            notifyCatalogSubscribers();
        }
    }

    @Deactivate
    void deactivate() {
        closeRegistration();
        catalogSubscribers.clear();
    }

    /** The site catalog, if its service is running. */
    public Optional<ImageCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** The site database (the catalog's), if its service is running. */
    public Optional<SiteDatabase> siteDatabase() {
        return Optional.ofNullable(siteDatabase);
    }

    /** @throws CatalogException saying the catalog service is not running */
    public ImageCatalog requireCatalog() throws CatalogException {
        ImageCatalog current = catalog;
        if (current == null) {
            throw new CatalogException(Messages.Services_catalogNotRunning);
        }
        return current;
    }

    /** @throws CatalogException saying the catalog service (which removal needs) is not running */
    public ImageRemover requireRemover() throws CatalogException {
        ImageRemover current = remover;
        if (current == null) {
            throw new CatalogException(Messages.Services_catalogNotRunning);
        }
        return current;
    }

    /** @throws ImportException saying the import service is not running */
    public ImageImporter requireImporter() throws ImportException {
        ImageImporter current = importer;
        if (current == null) {
            throw new ImportException(Reason.CATALOG_FAILED, Messages.Services_importerNotRunning);
        }
        return current;
    }

    /**
     * Calls {@code subscriber} (on any thread) whenever the catalog service comes, goes, or
     * reports a committed change, by this process or another one on the same database.
     *
     * @return closing it stops the calls
     */
    public Subscription onCatalogChanged(Runnable subscriber) {
        catalogSubscribers.add(subscriber);
        return () -> catalogSubscribers.remove(subscriber);
    }

    /** A subscription; closing it again is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private void notifyCatalogSubscribers() {
        catalogSubscribers.forEach(Runnable::run);
    }

    private void closeRegistration() {
        ListenerRegistration current = catalogRegistration;
        catalogRegistration = null;
        if (current != null) {
            current.close();
        }
    }
}
