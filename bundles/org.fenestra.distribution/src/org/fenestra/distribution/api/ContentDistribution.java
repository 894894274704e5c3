package org.fenestra.distribution.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * An image's content on distribution points: distribute, status, validate, redistribute, remove.
 * The image's stored WIM is taken into the site's content library (a new package version when it
 * changed) and pushed to each DP in parallel over HTTPS; an interrupted push continues where the
 * DP's copy stops.
 *
 * @since 0.1
 */
public interface ContentDistribution {

    /**
     * Distributes the image's current content to the DPs, in parallel, and returns when every DP
     * is Installed or Failed (each DP's outcome is in the returned status, not an exception).
     *
     * @throws DistributionException when the image or a DP does not exist or the WIM cannot be read
     */
    List<ContentStatus> distribute(String imageId, Collection<String> dpNames, DistributionListener listener)
            throws DistributionException;

    /**
     * Sends the image's current content to every DP it was distributed to (after servicing changed
     * it: the option "update distribution points with the image"). DPs holding an earlier version
     * get a WIM delta. Returns each DP's outcome; empty when the image is on no DP.
     *
     * @since 0.2
     */
    default List<ContentStatus> updateDistributionPoints(String imageId, DistributionListener listener)
            throws DistributionException {
        List<String> dps = status(imageId).stream().map(ContentStatus::dpName).toList();
        return dps.isEmpty() ? List.of() : distribute(imageId, dps, listener);
    }

    /** Sends the image's content to one DP again: what the DP lacks or holds damaged is sent. */
    ContentStatus redistribute(String imageId, String dpName, DistributionListener listener)
            throws DistributionException;

    /** The image's status on every DP it was distributed to. */
    List<ContentStatus> status(String imageId) throws DistributionException;

    /**
     * Has the DPs (all that hold the image, or the one named) hash every file of the image's
     * content again; a DP that finds damage is set Failed with the report as its reason.
     */
    List<DpValidation> validate(String imageId, Collection<String> dpNames) throws DistributionException;

    /** Removes the image's content from the DP and its status there. */
    void remove(String imageId, String dpName) throws DistributionException;

    /** A token that lets a client download this image from any DP holding it, until it expires. */
    default String downloadToken(String imageId, Duration validity) throws DistributionException {
        return downloadToken(List.of(imageId), validity);
    }

    /**
     * A deployment's token: it opens each of the images on any DP holding it, until it expires. A
     * pre-caching client ({@code client download --precache}) lists them on its DP with their
     * architecture and languages and downloads the one matching its machine.
     *
     * @since 0.3
     */
    String downloadToken(List<String> imageIds, Duration validity) throws DistributionException;
}
