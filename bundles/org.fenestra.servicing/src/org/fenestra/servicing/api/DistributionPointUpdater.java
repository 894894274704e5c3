package org.fenestra.servicing.api;

import org.fenestra.wim.model.WimProgress;

/**
 * The servicing option <i>Update distribution points with the image</i>: sends an image's newly
 * committed content to every distribution point already holding the image (as a WIM delta where the
 * DP holds the previous version). The pipeline calls it once, after a run that asked for it
 * committed. It is provided by a bundle that knows distribution ({@code org.fenestra.servicing.distribution}),
 * so servicing itself does not depend on distribution; where no such service runs the option is
 * reported as not available.
 *
 * @since 0.2
 */
public interface DistributionPointUpdater {

    /**
     * Sends the image's current content to the DPs holding it and returns when each is installed or
     * failed; a DP's failure is in the result, not an exception.
     *
     * @throws ServicingException when the update could not be started at all (the image is unknown to
     *                            distribution, the site's content library cannot be read, ...)
     */
    DistributionPointsUpdate updateDistributionPoints(String imageId, WimProgress progress) throws ServicingException;
}
