package org.fenestra.distribution.api;

import java.net.URI;
import java.time.Instant;

/**
 * A distribution point the site pushes content to.
 *
 * @param name        unique at the site (ignoring case)
 * @param url         its HTTPS URL, as the DP prints it at start
 * @param fingerprint the SHA-256 fingerprint of its certificate, the only one the site trusts for it
 * @param pullFrom    for a pull-DP, the DP it takes content from; empty when the site pushes to it
 * @since 0.1
 */
public record DistributionPoint(String name, URI url, String fingerprint, String pullFrom, Instant addedAt) {

    public boolean isPullDp() {
        return !pullFrom.isEmpty();
    }
}
