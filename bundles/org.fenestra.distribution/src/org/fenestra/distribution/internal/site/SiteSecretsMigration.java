package org.fenestra.distribution.internal.site;

import java.io.IOException;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.DistributionException;

/**
 * The move to sealed secrets ({@link SiteSecretKey}): the DP secrets and the download key that
 * earlier versions stored in plain text are sealed in place. Runs when the site's distribution
 * services start; sealed values are left alone, so running it again changes nothing.
 */
public final class SiteSecretsMigration {

    private SiteSecretsMigration() {
    }

    /** Seals what is still plain; returns how many values it sealed. */
    public static int run(SiteDatabase database) throws IOException, DistributionException {
        SiteSecretKey key = SiteSecretKey.forSite();
        int sealed = SiteDatabaseWork.inTransaction(database, "seal the site's secrets",
                c -> DistributionTables.sealPlainSecrets(c, key, SiteContentDistribution.DOWNLOAD_KEY));
        if (sealed > 0) {
            System.getLogger(SiteSecretsMigration.class.getName()).log(System.Logger.Level.INFO,
                    "Sealed " + sealed + " secrets stored in plain text with the site key " + key.file());
        }
        return sealed;
    }
}
