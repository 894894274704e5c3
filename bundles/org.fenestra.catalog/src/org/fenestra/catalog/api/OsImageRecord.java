package org.fenestra.catalog.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An OS image as the catalog stores it.
 *
 * @param id             stable ID allocated by the catalog, e.g. {@code FEN00001}
 * @param name           unique within the site, ignoring case
 * @param version        the admin's version label (may be empty)
 * @param comment        the admin's comment (may be empty)
 * @param sourcePath     where the image was imported from (local path or {@code \\server\share\…})
 * @param storedPath     the WIM the site keeps and distributes
 * @param imageIndex     the image index inside {@code storedPath}, from 1 (1 for an extracted image)
 * @param osVersion      from the WIM XML, e.g. {@code 10.0.22621.2428}
 * @param osEdition      from the WIM XML ({@code EDITIONID}), e.g. {@code Professional}
 * @param architecture   processor architecture of the image
 * @param language       default language, e.g. {@code en-US}
 * @param sizeBytes      size of the image in bytes
 * @param dateAdded      when the image was added to the catalog
 * @param eulaAcceptance who accepted the image's license terms, and when
 * @param contentVersion 1 when added; raised each time the image content changes (servicing)
 * @param sourceIndex    the image index inside {@code sourcePath} that was imported, from 1; equals
 *                       {@code imageIndex} unless the image was extracted
 * @param storedFileCreated whether the import wrote {@code storedPath} (an extracted index), so that
 *                       removing the image deletes it; false when the source itself is stored
 * @since 0.1
 */
public record OsImageRecord(
        String id,
        String name,
        String version,
        String comment,
        String sourcePath,
        String storedPath,
        int imageIndex,
        String osVersion,
        String osEdition,
        Architecture architecture,
        String language,
        long sizeBytes,
        Instant dateAdded,
        EulaAcceptance eulaAcceptance,
        int contentVersion,
        int sourceIndex,
        boolean storedFileCreated) {

    public OsImageRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(storedPath, "storedPath");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osEdition, "osEdition");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dateAdded, "dateAdded");
        Objects.requireNonNull(eulaAcceptance, "eulaAcceptance");
    }

    /** This record's general properties. */
    public GeneralProperties generalProperties() {
        return new GeneralProperties(name, version, comment);
    }
}
