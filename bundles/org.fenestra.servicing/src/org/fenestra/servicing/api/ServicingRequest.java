package org.fenestra.servicing.api;

import java.util.List;
import java.util.Objects;

/**
 * What to service: an image of the catalog and the updates to apply to it.
 *
 * @param imageId         the catalog's image ID
 * @param updateIds       the updates, by ID (servicing orders them: servicing stack, cumulative, the rest)
 * @param continueOnError go on with the next update when one fails (the run then commits what applied)
 * @param optimize        skip superseded updates and export the serviced index into a new WIM,
 *                        dropping unreferenced data; single-index images only
 * @since 0.1
 */
public record ServicingRequest(String imageId, List<String> updateIds, boolean continueOnError, boolean optimize) {
    public ServicingRequest {
        Objects.requireNonNull(imageId, "imageId");
        updateIds = List.copyOf(updateIds);
    }
}
