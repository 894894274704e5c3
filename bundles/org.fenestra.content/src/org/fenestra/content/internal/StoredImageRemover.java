package org.fenestra.content.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.RemovedImage;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Removes the record, then the WIM the import extracted for it (local, or on its share over SMB).
 * The record goes first: a record whose file is gone would point distribution at nothing, while a
 * file left behind is named in the result for the admin to delete.
 */
@Component(service = ImageRemover.class)
public final class StoredImageRemover implements ImageRemover {

    @Reference
    private ImageCatalog catalog;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public RemovedImage remove(String imageId, boolean keepFiles) throws CatalogException {
        OsImageRecord image = catalog.get(imageId);
        catalog.remove(imageId);
        if (!image.storedFileCreated()) {
            return new RemovedImage(image, List.of(), List.of(), "");
        }
        String stored = image.storedPath();
        if (keepFiles) {
            return new RemovedImage(image, List.of(), List.of(stored), "");
        }
        try (ImageSource file = ImageSource.open(stored, SmbSettings.load(context))) {
            Files.delete(file.file());
            return new RemovedImage(image, List.of(stored), List.of(), "");
        } catch (ImportException | IOException e) {
            return new RemovedImage(image, List.of(), List.of(stored), "could not delete " + stored + ": "
                    + e.getMessage());
        }
    }
}
