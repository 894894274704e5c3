package org.fenestra.distribution.api;

import java.net.URI;
import java.util.List;

/**
 * The DPs registered at the site.
 *
 * @since 0.1
 */
public interface DistributionPoints {

    /**
     * Registers a DP after checking it answers at {@code url} with the certificate of that
     * fingerprint and accepts the secret.
     *
     * @param secret the site secret the DP printed at its first start ({@code DATA/identity/site.secret})
     */
    DistributionPoint add(String name, URI url, String fingerprint, String secret) throws DistributionException;

    List<DistributionPoint> list() throws DistributionException;

    DistributionPoint get(String name) throws DistributionException;

    /** Forgets the DP and the status of content on it; the DP's content stays on the DP. */
    void remove(String name) throws DistributionException;
}
