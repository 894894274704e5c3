package org.fenestra.content.api;

import org.fenestra.catalog.api.CatalogException;

/**
 * Removes an OS image from the site: its catalog record and the files the import created for it
 * (an extracted index, local or on a share). A source file that was recorded as it is belongs to
 * the admin and is never deleted.
 *
 * @since 0.1
 */
public interface ImageRemover {

    /**
     * Removes the record first, then (unless {@code keepFiles}) deletes the files the import
     * created. A file that cannot be deleted does not bring the record back: the result names it
     * and says why, so the admin can delete it by hand.
     *
     * @throws org.fenestra.catalog.api.ImageNotFoundException if no image has this ID
     * @throws CatalogException if the record could not be removed; no file was touched then
     */
    RemovedImage remove(String imageId, boolean keepFiles) throws CatalogException;
}
