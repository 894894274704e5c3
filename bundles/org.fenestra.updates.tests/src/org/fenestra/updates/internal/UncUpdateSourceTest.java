package org.fenestra.updates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.fenestra.catalog.testing.TestCatalogs;
import org.fenestra.catalog.testing.TestCatalogs.OpenCatalog;
import org.fenestra.smb.samba.SambaServer;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.updates.testing.TestPackages;
import org.fenestra.updates.testing.TestPackages.Parent;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update source on a real smbd on 127.0.0.1 (the smb bundle's test server; user and password
 * from the {@code fenestra.smb.*} properties, as in production).
 */
class UncUpdateSourceTest {

    private static final String PASSWORD_PROPERTY = "fenestra.smb.127.0.0.1.password";
    private static SambaServer samba;
    private static Path made;

    @TempDir
    Path folder;
    private OpenCatalog catalog;
    private JdbcSoftwareUpdates updates;

    @BeforeAll
    static void startSamba(@TempDir Path work) throws Exception {
        String why = SambaServer.whyNot();
        assumeTrue(why == null, why);
        samba = SambaServer.start();
        for (String server : List.of("127.0.0.1", "localhost")) {
            System.setProperty("fenestra.smb." + server + ".port", String.valueOf(samba.port()));
            System.setProperty("fenestra.smb." + server + ".user", SambaServer.USER);
        }
        System.setProperty("fenestra.smb.localhost.password", "not the password");
        made = Files.createDirectories(work.resolve("made"));
        TestPackages packages = new TestPackages(work);
        packages.cbs(made.resolve("windows11.0-kb5031354-x64.cab"), TestPackages.mum("Package_for_RollupFix", "22621.2428.1.4",
                "amd64", "KB5031354", "Security Update", List.of(new Parent("10.0.22621.1", "EQ", "GE")), false), true);
        TestPackages.fpkg(made.resolve("contoso-1.fpkg"), TestPackages.fpkgManifest("FPK-1", "amd64", null, "10.0.22621.0"),
                TestPackages.fpkgPayload());
    }

    @AfterAll
    static void stopSamba() throws Exception {
        if (samba != null) {
            samba.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        System.setProperty(PASSWORD_PROPERTY, SambaServer.PASSWORD);
        samba.clearShares();
        catalog = TestCatalogs.open(TestCatalogs.h2(folder.resolve("site")));
        updates = new JdbcSoftwareUpdates(catalog.database(), catalog.images(), System::getProperty, folder.resolve("library"),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private Path shareFolder() throws Exception {
        Path share = Files.createDirectories(samba.imagesFolder().resolve("updates/2026-11"));
        for (String name : List.of("windows11.0-kb5031354-x64.cab", "contoso-1.fpkg")) {
            Files.copy(made.resolve(name), share.resolve(name));
        }
        return share;
    }

    @Test
    void synchronizesAndDownloadsFromAShareIncrementally() throws Exception {
        Path share = shareFolder();
        String unc = samba.unc("images", "updates");
        updates.addSource(unc, "share");

        SyncResult first = updates.synchronize("share", WimProgress.NONE);
        assertEquals(2, first.added(), first.toString());
        UpdatePackage cab = updates.get("KB5031354");
        assertEquals(PackageType.CBS, cab.packageType());
        assertEquals(unc + "\\2026-11\\windows11.0-kb5031354-x64.cab", cab.sourcePath());
        assertEquals(UpdateSynchronizer.sha256(share.resolve("windows11.0-kb5031354-x64.cab")), cab.sha256());

        SyncResult again = updates.synchronize("share", WimProgress.NONE);
        assertEquals(0, again.filesRead(), "nothing changed on the share: no file is opened");

        assertEquals(cab.sizeBytes(), updates.download(List.of(cab.id()), WimProgress.NONE).bytesStored());
        assertEquals(cab.sha256(), UpdateSynchronizer.sha256(updates.downloadedContent(cab.id())));

        Files.delete(share.resolve("contoso-1.fpkg"));
        assertEquals(1, updates.synchronize("share", WimProgress.NONE).expired());
        assertEquals(UpdateState.EXPIRED, updates.list(new UpdateFilter("FPK-1", null, true, true)).get(0).state());
    }

    @Test
    void anUnreadableShareIsATypedErrorNamingItAndChangesNothing() throws Exception {
        shareFolder();
        UpdateException logon = assertThrows(UpdateException.class,
                () -> updates.addSource("\\\\localhost\\images\\updates", "wrong password"));
        assertEquals(Reason.SOURCE_UNREADABLE, logon.reason(), logon.getMessage());
        assertTrue(logon.getMessage().contains("\\\\localhost\\images\\updates"), logon.getMessage());
        UpdateException share = assertThrows(UpdateException.class,
                () -> updates.addSource("\\\\127.0.0.1\\nosuchshare\\updates", "no share"));
        assertEquals(Reason.SOURCE_NOT_FOUND, share.reason(), share.getMessage());
        assertEquals(List.of(), updates.sources());

        updates.addSource(samba.unc("images", "updates"), "share");
        updates.synchronize("share", WimProgress.NONE);
        List<UpdatePackage> before = updates.list(new UpdateFilter("", null, true, true));
        System.setProperty(PASSWORD_PROPERTY, "changed on the server");
        UpdateException unreadable = assertThrows(UpdateException.class, () -> updates.synchronize("share", WimProgress.NONE));
        assertEquals(Reason.SOURCE_UNREADABLE, unreadable.reason(), unreadable.getMessage());
        assertTrue(unreadable.getMessage().contains(samba.unc("images", "updates")), unreadable.getMessage());
        assertEquals(before, updates.list(new UpdateFilter("", null, true, true)), "nothing expired or changed");
    }
}
