package org.fenestra.content.api;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.wim.model.WimProgress;

/**
 * Adds OS upgrade packages: copies a Windows setup media folder (local or UNC) whole into the data
 * folder ({@code <fenestra.data>/upgrade-packages/}) and records it with the facts of its
 * {@code sources/install.wim}. All or nothing: a refused, failed or cancelled import leaves no record
 * and no copied file. The source folder is only read.
 *
 * @since 0.1
 */
public interface UpgradePackageImporter {

    /**
     * @throws ImportException NOT_SETUP_MEDIA (no setup.exe, no sources/install.wim, or only an
     *                         install.esd), SOURCE_NOT_FOUND, NOT_A_WIM, CORRUPT_WIM, INDEX_OUT_OF_RANGE,
     *                         DUPLICATE_NAME, INSUFFICIENT_SPACE, CANCELLED, WRITE_FAILED, CATALOG_FAILED,
     *                         SHARE_LOGON_FAILED, SOURCE_UNREACHABLE
     */
    UpgradePackageRecord importPackage(UpgradePackageRequest request, WimProgress progress) throws ImportException;

    /**
     * Removes the package's record (with its servicing history and schedule), then its copied folder.
     *
     * @return the removed record
     * @throws org.fenestra.catalog.api.UpgradePackageNotFoundException if no upgrade package has this ID
     * @throws CatalogException when the record could not be removed; the folder then stays too
     */
    UpgradePackageRecord remove(String packageId) throws CatalogException;
}
