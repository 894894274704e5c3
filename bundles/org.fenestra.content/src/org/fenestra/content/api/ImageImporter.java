package org.fenestra.content.api;

import java.util.Optional;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.wim.model.WimProgress;

/**
 * Adds an OS image to the site catalog: checks the source, optionally extracts one image
 * index into a new WIM beside the source, reads architecture, language and version from
 * the image's XML, and records it. All or nothing: on any failure or cancellation no record
 * is added and no extracted file is left behind. Sources are local paths or UNC paths
 * ({@code \\server\share\...}, reached over SMB with the credentials from configuration).
 *
 * @since 0.1
 */
public interface ImageImporter {

    OsImageRecord importImage(ImportRequest request, WimProgress progress) throws ImportException;

    /**
     * The images inside {@code sourcePath} (local or UNC), to choose the index to extract.
     *
     * @throws ImportException with the same reasons as {@link #importImage} for a bad source
     * @since 0.1
     */
    SourceImages indexes(String sourcePath) throws ImportException;

    /**
     * The license terms stored in image {@code index} of {@code sourcePath} (local or UNC), as
     * plain text: Windows keeps them as {@code license.rtf} under {@code Windows\System32}
     * (in {@code Licenses\neutral\_Default\EDITION} since Windows 8). Empty when the image
     * holds none (as WIMs that are not Windows installations).
     *
     * @throws ImportException with the same reasons as {@link #indexes} for a bad source, or
     *                         {@code INDEX_OUT_OF_RANGE}
     * @since 0.1
     */
    Optional<String> licenseTerms(String sourcePath, int index) throws ImportException;
}
