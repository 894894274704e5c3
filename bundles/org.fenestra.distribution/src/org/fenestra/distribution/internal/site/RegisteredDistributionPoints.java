package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.internal.Fingerprints;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.site.DistributionTables.DpRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The DPs in the site database; a DP is registered only after it answered with its pinned certificate and secret. */
@Component(service = DistributionPoints.class)
public final class RegisteredDistributionPoints implements DistributionPoints {

    @Reference
    private SiteDatabase database;

    private SiteSecretKey siteKey;

    /** Loads the site key and seals DP secrets stored in plain text before there was one. */
    @Activate
    void activate() throws IOException, DistributionException {
        siteKey = SiteSecretKey.forSite();
        SiteSecretsMigration.run(database);
    }

    private SiteSecretKey key() {
        return siteKey;
    }

    @Override
    public DistributionPoint add(String name, URI url, String fingerprint, String secret, String pullFrom)
            throws DistributionException {
        requireName(name);
        String source = "";
        if (pullFrom != null && !pullFrom.isBlank()) {
            source = record(pullFrom).point().name();
        }
        if (url == null || !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "a DP's URL is https://HOST:PORT/, not " + url);
        }
        String pinned;
        try {
            pinned = Fingerprints.normalize(fingerprint);
        } catch (IllegalArgumentException e) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, e.getMessage());
        }
        if (secret == null || !secret.strip().matches("[0-9a-f]{64}")) {
            throw new DistributionException(Reason.INVALID_ARGUMENT,
                    "the DP's site secret is the 64 hex digits it printed at first start (DATA/identity/site.secret)");
        }
        if (SiteDatabaseWork.inTransaction(database, "find distribution point " + name,
                c -> DistributionTables.findDp(c, name, key())).isPresent()) {
            throw new DistributionException(Reason.DUPLICATE_DP, "a distribution point named " + name + " exists");
        }
        try {
            new DpClient(url, pinned, secret.strip()).packages();
        } catch (IOException e) {
            throw new DistributionException(Reason.DP_UNREACHABLE, "DP " + name + " at " + url
                    + " did not accept the site: " + e.getMessage(), e);
        }
        DistributionPoint dp = new DistributionPoint(name, url, pinned, source,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SiteDatabaseWork.inTransaction(database, "add distribution point " + name, c -> {
            DistributionTables.insertDp(c, dp, secret.strip(), key());
            return null;
        });
        return dp;
    }

    @Override
    public List<DistributionPoint> list() throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "list distribution points", c -> DistributionTables.listDps(c, key()))
                .stream().map(DpRecord::point).toList();
    }

    @Override
    public DistributionPoint get(String name) throws DistributionException {
        return record(name).point();
    }

    DpRecord record(String name) throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "find distribution point " + name,
                c -> DistributionTables.findDp(c, name, key())).orElseThrow(() -> new DistributionException(
                        Reason.NO_SUCH_DP, "no distribution point named " + name));
    }

    @Override
    public void remove(String name) throws DistributionException {
        List<String> pullers = SiteDatabaseWork.inTransaction(database, "find pull-DPs of " + name,
                c -> DistributionTables.pullersOf(c, name));
        if (!pullers.isEmpty()) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "pull-DPs pull from " + name + ": "
                    + String.join(", ", pullers) + "; remove them first");
        }
        if (!SiteDatabaseWork.inTransaction(database, "remove distribution point " + name,
                c -> DistributionTables.deleteDp(c, name))) {
            throw new DistributionException(Reason.NO_SUCH_DP, "no distribution point named " + name);
        }
    }

    static void requireName(String name) throws DistributionException {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new DistributionException(Reason.INVALID_ARGUMENT,
                    "a DP name is letters, digits and . _ - (at most 64), not " + name);
        }
    }
}
