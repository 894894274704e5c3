package org.fenestra.catalog.api;

import java.util.Objects;

/**
 * What the upgrade package import hands to {@link UpgradePackageCatalog#add}: the catalog adds the
 * ID, the date added and the content version. A {@code null} version or comment is stored as empty.
 *
 * @param sourcePath    the setup media folder it was copied from (local or {@code \\server\share\…})
 * @param storedFolder  the copy in the data folder
 * @param imageIndex    the index of {@code sources/install.wim} that servicing works on, from 1
 * @param installWim    what the serviced index of {@code sources/install.wim} says about itself
 * @param installWimBytes the size of {@code sources/install.wim}
 * @param folderBytes   the size of every file of the folder together
 * @param fileCount     how many files the folder holds
 * @since 0.1
 */
public record NewUpgradePackage(String name, String version, String comment, String sourcePath, String storedFolder,
        int imageIndex, String osVersion, String osEdition, Architecture architecture, String language,
        long installWimBytes, long folderBytes, int fileCount, String addedBy) {

    public NewUpgradePackage {
        name = GeneralProperties.requireName(name);
        version = version == null ? "" : version;
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(storedFolder, "storedFolder");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osEdition, "osEdition");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(addedBy, "addedBy");
        if (imageIndex < 1) {
            throw new IllegalArgumentException("image index must be 1 or more: " + imageIndex);
        }
        if (installWimBytes < 0 || folderBytes < 0 || fileCount < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
    }
}
