package org.fenestra.distribution.api;

import java.net.URI;
import java.time.Instant;

/**
 * A distribution point the site pushes content to.
 *
 * @param name        unique at the site (ignoring case)
 * @param url         its HTTPS URL, as the DP prints it at start
 * @param fingerprint the SHA-256 fingerprint of its certificate, the only one the site trusts for it
 * @since 0.1
 */
public record DistributionPoint(String name, URI url, String fingerprint, Instant addedAt) {
}
