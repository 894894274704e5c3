package org.fenestra.updates.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.fenestra.catalog.api.Architecture;

/**
 * What an OS image holds, as read from the image itself (its WIM XML and servicing packages)
 * plus what Fenestra's servicing has applied since.
 *
 * @param imageId      the catalog's image ID
 * @param osBuild      the image's version, build and revision from the WIM XML
 * @param architecture the image's architecture from the WIM XML
 * @param scannedAt    when the image's packages were read
 * @param installed    every installed package, those in the image first, each group by identity
 * @since 0.1
 */
public record ImageUpdates(String imageId, OsBuild osBuild, Architecture architecture, Instant scannedAt,
        List<InstalledUpdate> installed) {

    public ImageUpdates {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(osBuild, "osBuild");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(scannedAt, "scannedAt");
        installed = List.copyOf(installed);
    }
}
