package org.fenestra.distribution.api;

/**
 * An image's Distribution Settings (as Configuration Manager's tab of that name): whether DPs may
 * send it by multicast, encrypt those sessions, and send it by multicast only (no HTTPS download
 * for clients). "Only via multicast" needs multicast allowed and every deployment of the image
 * downloading content locally ({@link Deployment#downloadLocally()}).
 *
 * @since 0.1
 */
public record ImageDistributionSettings(String imageId, boolean allowMulticast, boolean encryptMulticast,
        boolean onlyMulticast) {

    /** An image nobody set: multicast not allowed. */
    public static ImageDistributionSettings defaults(String imageId) {
        return new ImageDistributionSettings(imageId, false, false, false);
    }

    public ImageDistributionSettings withAllowMulticast(boolean on) {
        return new ImageDistributionSettings(imageId, on, encryptMulticast, onlyMulticast);
    }

    public ImageDistributionSettings withEncryptMulticast(boolean on) {
        return new ImageDistributionSettings(imageId, allowMulticast, on, onlyMulticast);
    }

    public ImageDistributionSettings withOnlyMulticast(boolean on) {
        return new ImageDistributionSettings(imageId, allowMulticast, encryptMulticast, on);
    }
}
