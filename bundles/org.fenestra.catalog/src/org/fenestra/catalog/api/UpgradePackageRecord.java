package org.fenestra.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An OS upgrade package as the catalog stores it: a Windows setup media folder whose
 * {@code sources/install.wim} is serviced like an OS image (see {@link #target()}).
 *
 * @param id             allocated from the same counter as image IDs, e.g. {@code FEN00007}
 * @param name           unique within the site among images and upgrade packages, ignoring case
 * @param installWim     the stored folder's {@code sources/install.wim}
 * @param imageIndex     the index of the install.wim that is serviced
 * @param installWimBytes the install.wim's size
 * @param folderBytes    the whole folder's size when copied
 * @param contentVersion 1 when added; raised each time servicing changes the install.wim
 * @since 0.1
 */
public record UpgradePackageRecord(String id, String name, String version, String comment, String sourcePath,
        String storedFolder, String installWim, int imageIndex, String osVersion, String osEdition,
        Architecture architecture, String language, long installWimBytes, long folderBytes, int fileCount,
        Instant dateAdded, String addedBy, int contentVersion) {

    public UpgradePackageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(storedFolder, "storedFolder");
        Objects.requireNonNull(installWim, "installWim");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osEdition, "osEdition");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(addedBy, "addedBy");
    }

    /** This package as servicing sees it: its install.wim. */
    public ServicingTarget target() {
        return new ServicingTarget(id, ServicingTarget.Kind.UPGRADE_PACKAGE, name, installWim, imageIndex, architecture,
                osVersion, installWimBytes, contentVersion, storedFolder);
    }

    /** This record's general properties. */
    public GeneralProperties generalProperties() {
        return new GeneralProperties(name, version, comment);
    }
}
