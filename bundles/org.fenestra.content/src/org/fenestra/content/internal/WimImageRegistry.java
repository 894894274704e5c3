package org.fenestra.content.internal;

import java.io.IOException;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageRegistry;
import org.fenestra.content.api.ImageRegistryException;
import org.fenestra.content.api.ImageRegistryException.Reason;
import org.fenestra.content.api.ImportException;
import org.fenestra.registry.Hive;
import org.fenestra.registry.HiveException;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.errors.PathNotFoundException;
import org.fenestra.wim.errors.WimCancelledException;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.windows.ImageHives;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads hives of catalog images from their stored WIMs, opened where they live as the importer opens sources. */
@Component(service = ImageRegistry.class)
public final class WimImageRegistry implements ImageRegistry {

    @Reference
    private ImageCatalog catalog;

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Override
    public Hive hive(String imageId, int index, String hive, WimProgress progress) throws ImageRegistryException {
        OsImageRecord image = image(imageId);
        String stored = image.storedPath();
        int chosen = index == 0 ? image.imageIndex() : index;
        try (ImageSource opened = ImageSource.open(stored, SmbSettings.load(context));
                WimFile wim = WimFile.open(opened.file())) {
            if (chosen < 1 || chosen > wim.imageCount()) {
                throw new ImageRegistryException(Reason.INDEX_OUT_OF_RANGE, "image index " + chosen
                        + " does not exist: " + stored + " holds images 1 to " + wim.imageCount(), null);
            }
            return ImageHives.read(wim.openImage(chosen), hive, progress);
        } catch (ImportException e) {
            throw new ImageRegistryException(Reason.UNREADABLE, "cannot open the stored image " + stored + ": "
                    + e.getMessage(), e);
        } catch (PathNotFoundException e) {
            throw new ImageRegistryException(Reason.NO_SUCH_FILE, imageId + ": " + e.getMessage(), e);
        } catch (HiveException e) {
            throw new ImageRegistryException(Reason.NOT_A_HIVE, imageId + ": " + ImageHives.pathOf(hive)
                    + " is not a usable registry hive: " + e.getMessage(), e);
        } catch (WimCancelledException e) {
            throw new ImageRegistryException(Reason.CANCELLED, "cancelled", e);
        } catch (IOException e) {
            throw new ImageRegistryException(Reason.UNREADABLE, "cannot read " + ImageHives.pathOf(hive) + " of "
                    + imageId + " from " + stored + ": " + e.getMessage(), e);
        }
    }

    private OsImageRecord image(String imageId) throws ImageRegistryException {
        try {
            return catalog.get(imageId);
        } catch (ImageNotFoundException e) {
            throw new ImageRegistryException(Reason.NO_SUCH_IMAGE, "no OS image has the ID " + imageId, e);
        } catch (CatalogException e) {
            throw new ImageRegistryException(Reason.UNREADABLE, e.getMessage(), e);
        }
    }
}
