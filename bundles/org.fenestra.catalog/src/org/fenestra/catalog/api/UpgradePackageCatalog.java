package org.fenestra.catalog.api;

import java.util.List;

/**
 * The site's OS upgrade packages, as an OSGi service (beside {@link ImageCatalog}, on the same
 * database). Each write is one transaction; listeners of the image catalog hear the changes too
 * (the package's ID in the {@link CatalogChange}). The method names differ from the image catalog's
 * ({@code upgradePackage}, not {@code get}) because one component provides both services.
 *
 * @since 0.1
 */
public interface UpgradePackageCatalog {

    /**
     * Records a package whose folder the caller has copied, with the facts of its install.wim's
     * serviced index.
     *
     * @throws DuplicateImageNameException if an image or upgrade package has this name, ignoring case
     */
    UpgradePackageRecord add(NewUpgradePackage upgradePackage, ImageFacts facts) throws CatalogException;

    /** @throws UpgradePackageNotFoundException if no upgrade package has this ID */
    UpgradePackageRecord upgradePackage(String packageId) throws CatalogException;

    /** Every upgrade package, in the order their IDs were allocated. */
    List<UpgradePackageRecord> upgradePackages() throws CatalogException;

    /**
     * Replaces the name, version and comment.
     *
     * @throws UpgradePackageNotFoundException if no upgrade package has this ID
     * @throws DuplicateImageNameException if an image or another package has the new name
     */
    UpgradePackageRecord updatePackage(String packageId, GeneralProperties properties) throws CatalogException;

    /**
     * Removes the record (not its folder), with its servicing history, schedule and installed updates.
     *
     * @throws UpgradePackageNotFoundException if no upgrade package has this ID
     */
    void removePackage(String packageId) throws CatalogException;
}
