package org.fenestra.servicing.api;

import java.util.List;
import java.util.Objects;

/**
 * What to service: a servicing target of the catalog (an OS image, or an OS upgrade package's
 * {@code sources/install.wim}) and the updates to apply to it.
 *
 * @param imageId         the target's ID ({@code org.fenestra.catalog.api.ServicingTarget#id}): an OS
 *                        image's or an upgrade package's; the other files of a package are never changed
 * @param updateIds       the updates, by ID (servicing orders them: servicing stack, cumulative, the rest)
 * @param continueOnError go on with the next update when one fails (the run then commits what applied)
 * @param optimize        skip superseded updates and export the serviced index into a new WIM,
 *                        dropping unreferenced data; single-index images only
 * @param updateDistributionPoints after a commit, send the new version to every DP holding the image
 *                        ({@link DistributionPointUpdater}; reported as not available where none runs) (@since 0.2)
 * @since 0.1
 */
public record ServicingRequest(String imageId, List<String> updateIds, boolean continueOnError, boolean optimize,
        boolean updateDistributionPoints) {
    public ServicingRequest {
        Objects.requireNonNull(imageId, "imageId");
        updateIds = List.copyOf(updateIds);
    }

    /** A request that leaves the distribution points alone. */
    public ServicingRequest(String imageId, List<String> updateIds, boolean continueOnError, boolean optimize) {
        this(imageId, updateIds, continueOnError, optimize, false);
    }
}
