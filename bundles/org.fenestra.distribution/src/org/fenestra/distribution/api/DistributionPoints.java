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
    default DistributionPoint add(String name, URI url, String fingerprint, String secret)
            throws DistributionException {
        return add(name, url, fingerprint, secret, "");
    }

    /**
     * Registers a DP; with {@code pullFrom} naming a registered DP it is a pull-DP: it takes
     * content from that DP (with a deployment token the site gives it) instead of from the site,
     * so the site's uplink is not the limit. Chains of pull-DPs are allowed; cycles cannot arise
     * (a DP pulls only from one registered before it).
     */
    DistributionPoint add(String name, URI url, String fingerprint, String secret, String pullFrom)
            throws DistributionException;

    List<DistributionPoint> list() throws DistributionException;

    DistributionPoint get(String name) throws DistributionException;

    /** Forgets the DP and the status of content on it (refused while pull-DPs pull from it); its content stays on it. */
    void remove(String name) throws DistributionException;
}
