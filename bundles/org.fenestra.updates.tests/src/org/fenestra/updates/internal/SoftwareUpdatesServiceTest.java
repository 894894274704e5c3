package org.fenestra.updates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.catalog.testing.TestServices;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.testing.TestPackages;
import org.fenestra.updates.testing.TestPackages.Parent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** The DS services in a real framework: an image the catalog adds has its installed updates read at once. */
class SoftwareUpdatesServiceTest {

    @TempDir
    Path work;

    static <T> T service(Class<T> type) throws Exception {
        return TestServices.get(type, JdbcSoftwareUpdates.class);
    }

    @Test
    void anImportedImageHasItsInstalledUpdatesReadWithoutBeingAsked() throws Exception {
        SoftwareUpdates updates = service(SoftwareUpdates.class);
        ImageCatalog catalog = service(ImageCatalog.class);
        SiteDatabase database = service(SiteDatabase.class);
        Path wim = new TestPackages(work).wim(work.resolve("arm64.wim"), 12, "10.0.26100", 1742, Map.of(
                "Package_for_RollupFix~31bf3856ad364e35~arm64~~26100.1742.1.10.mum",
                TestPackages.mum("Package_for_RollupFix", "26100.1742.1.10", "arm64", "KB5043080", "Security Update",
                        List.of(new Parent("10.0.26100.1", "EQ", "GE")), false)));
        OsImageRecord image = catalog.add(new NewOsImage("arm64 " + System.nanoTime(), "", "", wim.toString(), wim.toString(), 1,
                "10.0.26100.1742", "Enterprise", Architecture.ARM64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!scanned(database, image.id()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(scanned(database, image.id()), "the import listener read the image's packages");
            List<InstalledUpdate> installed = updates.installedUpdates(image.id()).installed();
            assertEquals(List.of("KB5043080"), installed.stream().map(InstalledUpdate::articleId).toList());
        } finally {
            catalog.remove(image.id());
        }
        assertTrue(!scanned(database, image.id()), "removing the image removes its installed updates");
    }

    private static boolean scanned(SiteDatabase database, String imageId) throws Exception {
        return database.inTransaction("test", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM image_update_scan WHERE image_id = ?")) {
                select.setString(1, imageId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1) == 1;
                }
            }
        });
    }
}
