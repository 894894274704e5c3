package org.fenestra.catalog.api;

import java.util.List;
import java.util.Optional;

/**
 * The site's OS image library, as an OSGi service.
 * <p>
 * Every write is one database transaction: it is either stored completely or, on any
 * failure, not at all. Several site servers and workbenches may share one catalog database;
 * image IDs stay unique across them.
 *
 * @since 0.1
 */
public interface ImageCatalog {

    /**
     * Adds an OS image and allocates its ID ({@code FEN00001}, {@code FEN00002}, …). The date
     * added is the catalog's clock at the time of the call; the content version starts at 1.
     *
     * @return the stored record, as {@link #get(String)} will return it
     * @throws DuplicateImageNameException if an image already has this name, ignoring case
     * @throws CatalogException if the database fails; nothing is stored then
     */
    default OsImageRecord add(NewOsImage image) throws CatalogException {
        return add(image, ImageFacts.UNKNOWN);
    }

    /**
     * Adds an OS image with the facts read from it at import, in one transaction (so whoever
     * hears of the new image finds its facts).
     *
     * @see #add(NewOsImage)
     * @since 0.1
     */
    OsImageRecord add(NewOsImage image, ImageFacts facts) throws CatalogException;

    /**
     * What the image says about itself in its registry, as read at import (or last
     * {@linkplain #setFacts set}); {@link ImageFacts#UNKNOWN} when nothing was read.
     *
     * @throws ImageNotFoundException if no image has this ID
     * @since 0.1
     */
    ImageFacts facts(String imageId) throws CatalogException;

    /**
     * Replaces an image's facts (read again after servicing, say); listeners hear an update.
     *
     * @throws ImageNotFoundException if no image has this ID
     * @since 0.1
     */
    void setFacts(String imageId, ImageFacts facts) throws CatalogException;

    /**
     * The image's record; also the record of an OS upgrade package's {@code sources/install.wim}
     * (same ID), so that applicability and installed updates work on every {@linkplain #target servicing target}.
     *
     * @throws ImageNotFoundException if no image or upgrade package has this ID
     */
    OsImageRecord get(String imageId) throws CatalogException;

    /**
     * The servicing target with this ID: an OS image's WIM, or an upgrade package's install.wim.
     *
     * @throws ImageNotFoundException if no image or upgrade package has this ID
     * @since 0.1
     */
    ServicingTarget target(String id) throws CatalogException;

    /**
     * Every servicing target (images and upgrade packages), in the order their IDs were allocated.
     *
     * @since 0.1
     */
    List<ServicingTarget> targets() throws CatalogException;

    /** Finds the image with this name, ignoring case as Windows does (upgrade packages are not images). */
    Optional<OsImageRecord> findByName(String name) throws CatalogException;

    /** Every image, in the order their IDs were allocated; upgrade packages are listed by {@link UpgradePackageCatalog}. */
    List<OsImageRecord> list() throws CatalogException;

    /**
     * Replaces an image's name, version and comment (the properties an admin edits on the
     * General tab); the content and the content version are unchanged.
     *
     * @return the updated record
     * @throws ImageNotFoundException if no image has this ID
     * @throws DuplicateImageNameException if another image already has the new name
     */
    OsImageRecord update(String imageId, GeneralProperties properties) throws CatalogException;

    /**
     * Removes an image's record (not its files). Its ID is never allocated again.
     *
     * @throws ImageNotFoundException if no image has this ID (an upgrade package is removed by
     *                                {@link UpgradePackageCatalog#remove})
     */
    void remove(String imageId) throws CatalogException;

    /**
     * Registers a listener for the changes to the catalog, called after each change has been
     * committed: this service's own at once, and those of other processes sharing the database
     * (site servers, workbenches, consoles) when the change journal is next polled
     * ({@code fenestra.catalog.changePollMillis}, 2 s by default).
     *
     * @return closing it unregisters the listener
     */
    ListenerRegistration addListener(CatalogListener listener);
}
