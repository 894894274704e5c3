package org.fenestra.content.api;

import org.fenestra.registry.Hive;
import org.fenestra.wim.model.WimProgress;

/**
 * Looks inside the registry of a catalog image, without extracting it: a hive is read into
 * memory straight from the WIM the site stores (local or on a share), as an OSGi service.
 *
 * @since 0.1
 */
public interface ImageRegistry {

    /**
     * Reads one hive of an image.
     *
     * @param index the image's index in its stored WIM; 0 for the one the catalog records
     * @param hive  {@code SOFTWARE}, {@code SYSTEM}, {@code DEFAULT}, {@code NTUSER} (also {@code SAM},
     *              {@code SECURITY}, {@code COMPONENTS}), or a path in the image
     * @param progress polled for cancellation
     */
    Hive hive(String imageId, int index, String hive, WimProgress progress) throws ImageRegistryException;
}
