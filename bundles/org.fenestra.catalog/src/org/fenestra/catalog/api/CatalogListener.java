package org.fenestra.catalog.api;

/**
 * Hears the committed changes of an {@link ImageCatalog}, e.g. so a workbench view refreshes.
 * <p>
 * Called on the thread that made the change, after its transaction committed; implementations
 * return quickly and hand UI work to the UI thread. An exception thrown here is logged and
 * does not affect the change or other listeners.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CatalogListener {

    void catalogChanged(CatalogChange change);
}
