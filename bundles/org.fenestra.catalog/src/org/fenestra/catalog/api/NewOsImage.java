package org.fenestra.catalog.api;

import java.util.Objects;

/**
 * What the Add OS Image wizard hands to {@link ImageCatalog#add(NewOsImage)}; the catalog adds
 * the ID, the date added and the content version.
 * <p>
 * A {@code null} version or comment is stored as empty.
 * <p>
 * {@code sourceIndex} and {@code storedFileCreated}: the index that was imported from
 * {@code sourcePath}, and whether the import wrote {@code storedPath}; see {@link OsImageRecord}.
 *
 * @see OsImageRecord for the meaning of each field
 * @since 0.1
 */
public record NewOsImage(
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
        EulaAcceptance eulaAcceptance,
        int sourceIndex,
        boolean storedFileCreated) {

    /** An image stored as it was imported: the source file itself, at the same index. */
    public NewOsImage(String name, String version, String comment, String sourcePath, String storedPath,
            int imageIndex, String osVersion, String osEdition, Architecture architecture, String language,
            long sizeBytes, EulaAcceptance eulaAcceptance) {
        this(name, version, comment, sourcePath, storedPath, imageIndex, osVersion, osEdition, architecture, language,
                sizeBytes, eulaAcceptance, imageIndex, false);
    }

    public NewOsImage {
        name = GeneralProperties.requireName(name);
        version = version == null ? "" : version;
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(storedPath, "storedPath");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osEdition, "osEdition");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(eulaAcceptance, "eulaAcceptance: an OS image is added only after its license terms are accepted");
        if (imageIndex < 1) {
            throw new IllegalArgumentException("image index must be 1 or more: " + imageIndex);
        }
        if (sourceIndex < 1) {
            throw new IllegalArgumentException("source index must be 1 or more: " + sourceIndex);
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must not be negative: " + sizeBytes);
        }
    }
}
