package org.fenestra.content.api;

import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.wim.WimProgress;

/**
 * Adds an OS image to the site catalog: checks the source, optionally extracts one image
 * index into a new WIM beside the source, reads architecture, language and version from
 * the image's XML, and records it. All or nothing: on any failure or cancellation no record
 * is added and no extracted file is left behind.
 *
 * @since 0.1
 */
public interface ImageImporter {

    OsImageRecord importImage(ImportRequest request, WimProgress progress) throws ImportException;
}
