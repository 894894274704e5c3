package org.fenestra.distribution.api;

import java.util.List;

/**
 * Multicast settings and the rules between them: an image's Distribution Settings, the
 * deployments of images, and each DP's Multicast settings. "Only via multicast" is refused for an
 * image with a deployment that does not download content locally, and such a deployment is refused
 * for an image set "only via multicast" ({@link DistributionException.Reason#MULTICAST_RULE}).
 *
 * @since 0.1
 */
public interface MulticastSettings {

    /** The image's settings (the defaults when never set). */
    ImageDistributionSettings imageSettings(String imageId) throws DistributionException;

    /**
     * Stores the image's settings after checking the rules, then gives them to every DP that holds
     * (or held) the image's content or has multicast settings; a DP that cannot be reached is {@code DP_UNREACHABLE} naming it (the settings are stored, and
     * the DP gets them with its next {@link #setDpSettings}).
     */
    ImageDistributionSettings setImageSettings(ImageDistributionSettings settings) throws DistributionException;

    /** Records a deployment of the image; refused when it would break the image's "only via multicast". */
    Deployment addDeployment(String imageId, List<String> targetClients, boolean downloadLocally)
            throws DistributionException;

    List<Deployment> deployments(String imageId) throws DistributionException;

    /** Every deployment of every image, by ID. */
    List<Deployment> allDeployments() throws DistributionException;

    /**
     * Removes a deployment and returns it. Removing can only loosen "only via multicast", never
     * break it; it is serialized with the rule's checks on the same image all the same.
     */
    Deployment removeDeployment(String deploymentId) throws DistributionException;

    /** The DP's multicast settings (the defaults, multicast off, when never set). */
    DpMulticastSettings dpSettings(String dpName) throws DistributionException;

    /**
     * Gives the DP its multicast settings (and every image's distribution settings), then stores
     * them; an unreachable DP is {@code DP_UNREACHABLE} and nothing is stored.
     */
    DpMulticastSettings setDpSettings(String dpName, DpMulticastSettings settings) throws DistributionException;

    /** The DP's multicast sessions now and recently ended, with every receiver's progress and result. */
    List<MulticastSession> sessions(String dpName) throws DistributionException;
}
