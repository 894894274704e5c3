package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.internal.site.SiteSecretsMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DP secrets and the download key are sealed in the site database with the site key kept outside
 * it; rows stored in plain text by earlier versions are sealed by the migration and keep working.
 * Real H2 site database, real DP processes, SQL to look at what is stored.
 */
class SiteSecretsAtRestTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreSealedAtRestPlainRowsAreMigratedAndAMovedSecretDoesNotOpen() throws Exception {
        DistributionPoints points = Services.get(DistributionPoints.class);
        ContentDistribution distribution = Services.get(ContentDistribution.class);
        SiteDatabase database = Services.get(SiteDatabase.class);
        ImageCatalog catalog = Services.get(ImageCatalog.class);
        String prefix = "S" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (DpProcess first = DpProcess.start(dir.resolve("dp1")); DpProcess second = DpProcess.start(dir.resolve("dp2"))) {
            points.add(prefix + "-a", first.url, first.fingerprint, first.secret());
            points.add(prefix + "-b", second.url, second.fingerprint, second.secret());
            String stored = storedSecret(database, prefix + "-a");
            assertTrue(stored.startsWith("FSK1:") && !stored.contains(first.secret()), stored);

            // a row as an earlier version stored it: the secret in plain text
            setStoredSecret(database, prefix + "-a", first.secret());
            assertTrue(SiteSecretsMigration.run(database) >= 1);
            String migrated = storedSecret(database, prefix + "-a");
            assertTrue(migrated.startsWith("FSK1:") && !migrated.contains(first.secret()), migrated);
            assertEquals(0, SiteSecretsMigration.run(database), "sealed values stay as they are");

            Path wim = Files.copy(Path.of("data", "multi.wim"), dir.resolve("multi.wim"));
            OsImageRecord image = catalog.add(new NewOsImage(prefix + " sealed", "1", "", wim.toString(),
                    wim.toString(), 1, "10.0.22621.1", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                    new EulaAcceptance("tester", Instant.now())));
            for (ContentStatus status : distribution.distribute(image.id(), List.of(prefix + "-a"), DistributionListener.NONE)) {
                assertEquals(ContentStatus.State.INSTALLED, status.state(), "the site opens the migrated secret: "
                        + status.describe());
            }
            String downloadKey = database.inTransaction("read", c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT setting_value FROM distribution_setting WHERE setting_name = 'download_key'");
                        ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : "";
                }
            });
            assertTrue(downloadKey.startsWith("FSK1:"), "the download key is sealed too");

            Path keyFile = Path.of(System.getProperty("fenestra.data"), "keys", "site-secrets.key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertFalse(Files.readString(keyFile).contains(first.secret()));

            // a sealed value is bound to its row: DP a's secret put in DP b's row does not open
            String sealedB = storedSecret(database, prefix + "-b");
            setStoredSecret(database, prefix + "-b", migrated);
            DistributionException refused = assertThrows(DistributionException.class,
                    () -> distribution.distribute(image.id(), List.of(prefix + "-b"), DistributionListener.NONE));
            assertEquals(DistributionException.Reason.CATALOG_FAILED, refused.reason());
            assertTrue(refused.getMessage().contains("does not open the secret of distribution_point/" + prefix + "-b"),
                    refused.getMessage());
            setStoredSecret(database, prefix + "-b", sealedB);
            assertEquals(ContentStatus.State.INSTALLED, distribution.redistribute(image.id(), prefix + "-b",
                    DistributionListener.NONE).state());
        }
    }

    private static String storedSecret(SiteDatabase database, String dpName) throws Exception {
        return database.inTransaction("read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT site_secret FROM distribution_point WHERE dp_name = ?")) {
                s.setString(1, dpName);
                try (ResultSet r = s.executeQuery()) {
                    assertTrue(r.next());
                    return r.getString(1);
                }
            }
        });
    }

    private static void setStoredSecret(SiteDatabase database, String dpName, String value) throws Exception {
        database.inTransaction("write", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE distribution_point SET site_secret = ? WHERE dp_name = ?")) {
                s.setString(1, value);
                s.setString(2, dpName);
                assertEquals(1, s.executeUpdate());
            }
            return null;
        });
    }
}
