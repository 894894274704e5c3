package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.smb.samba.SambaServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images whose stored WIM lives on an SMB share (an import onto a share stores them so): the site
 * reads them from a real loopback smbd and distributes them to a real DP process.
 */
class UncStoredImageDistributionTest {

    @TempDir
    static Path dir;
    private static SambaServer samba;
    private static DpProcess dp;
    private static String dpName;
    private static ContentDistribution distribution;
    private static ImageCatalog catalog;

    @BeforeAll
    static void start() throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        samba = SambaServer.start();
        System.setProperty("fenestra.smb.127.0.0.1.port", String.valueOf(samba.port()));
        System.setProperty("fenestra.smb.127.0.0.1.user", SambaServer.USER);
        System.setProperty("fenestra.smb.127.0.0.1.password", SambaServer.PASSWORD);
        distribution = Services.get(ContentDistribution.class);
        catalog = Services.get(ImageCatalog.class);
        dp = DpProcess.start(dir.resolve("dp"));
        dpName = "U" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-dp";
        Services.get(DistributionPoints.class).add(dpName, dp.url, dp.fingerprint, dp.secret());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dp != null) {
            dp.close();
        }
        if (samba != null) {
            samba.close();
        }
    }

    @Test
    void anImageStoredOnAShareIsDistributedBitExact() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "onshare", 4 << 20, 41);
        Files.copy(wim, samba.imagesFolder().resolve("onshare.wim"));
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage("on share " + System.nanoTime(), samba.unc("images", "onshare.wim"));

        List<ContentStatus> result = distribution.distribute(image.id(), List.of(dpName), DistributionListener.NONE);

        assertEquals(State.INSTALLED, result.get(0).state(), result.get(0).describe());
        Path stored = dp.data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha);
        assertEquals(sha, TestFiles.sha256sum(stored));
        assertEquals(0, TestFiles.run(List.of("wimlib-imagex", "verify", stored.toString())).exit());
        assertEquals("onshare.wim", dp.siteClient().manifest(image.id()).files().get(0).path());
    }

    @Test
    void aMissingShareOrFileIsAClearErrorAndNoDpIsTouched() throws Exception {
        OsImageRecord noShare = addImage("no share " + System.nanoTime(), "\\\\127.0.0.1\\nosuchshare\\x.wim");
        DistributionException share = assertThrows(DistributionException.class,
                () -> distribution.distribute(noShare.id(), List.of(dpName), DistributionListener.NONE));
        assertEquals(DistributionException.Reason.CONTENT_UNREADABLE, share.reason());
        assertTrue(share.getMessage().contains("\\\\127.0.0.1\\nosuchshare\\x.wim"), share.getMessage());

        OsImageRecord noFile = addImage("no file " + System.nanoTime(), samba.unc("images", "gone.wim"));
        DistributionException file = assertThrows(DistributionException.class,
                () -> distribution.distribute(noFile.id(), List.of(dpName), DistributionListener.NONE));
        assertEquals(DistributionException.Reason.CONTENT_UNREADABLE, file.reason());
        assertTrue(file.getMessage().contains("gone.wim"), file.getMessage());
        assertTrue(dp.siteClient().packages().keySet().stream().noneMatch(id -> id.equals(noFile.id())));
    }

    private static OsImageRecord addImage(String name, String storedPath) throws Exception {
        return catalog.add(new NewOsImage(name, "1", "", storedPath, storedPath, 1, "10.0.26100.1", "Enterprise",
                Architecture.X64, "en-US", 1, new EulaAcceptance("tester", Instant.now())));
    }
}
