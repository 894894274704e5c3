package org.fenestra.dism.internal.servicer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.TestServices;
import org.fenestra.dism.internal.Standin;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.UpdateResult;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole servicing run with the DISM servicer selected: the real OfflineServicing, SoftwareUpdates
 * and catalog services (H2 under target/), a CBS cabinet made with gcab synchronized from an update
 * source and downloaded into the content library, the image's WIM made with wimlib-imagex; DismApi is
 * the stand-in in files mode, loaded by the DS servicer through fenestra.dism.path.
 */
class DismServicingRunTest {

    @TempDir
    Path work;

    @BeforeEach
    void dismServicerOnTheStandIn() throws Exception {
        DismServicerComponents.probeWith(Standin.FOLDER.toString());
        assertTrue(DismServicerComponents.servicerNames(true).contains("dism"));
        Standin.reset();
        Standin.useFiles();
    }

    @AfterEach
    void everyBufferDeletedOnce() {
        Standin.assertNoLeaks();
    }

    @Test
    void aCbsUpdateIsAppliedByTheDismServicerAndCommittedIntoTheCatalogsImage() throws Exception {
        ImageCatalog catalog = TestServices.get(ImageCatalog.class, DismServicingRunTest.class);
        SoftwareUpdates updates = TestServices.get(SoftwareUpdates.class, DismServicingRunTest.class);
        OfflineServicing servicing = TestServices.get(OfflineServicing.class, DismServicingRunTest.class);

        Path wim = TestImages.windowsImage(work.resolve("tree"), work.resolve("images/install.wim"));
        OsImageRecord image = catalog.add(new NewOsImage("Windows 11 " + System.nanoTime(), "", "", wim.toString(),
                wim.toString(), 1, "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
        String article = "KB" + (5_000_000 + System.nanoTime() % 1_000_000);
        Path source = Files.createDirectories(work.resolve("updates"));
        CbsCabinets.cbs(source, "windows11.0-" + article.toLowerCase() + "-x64.cab", article);
        String sourceName = "dism-" + System.nanoTime();
        updates.addSource(source.toString(), sourceName);
        updates.synchronize(sourceName, WimProgress.NONE);
        UpdatePackage update = updates.get(article);
        assertEquals(PackageType.CBS, update.packageType(), update.toString());
        updates.download(List.of(update.id()), WimProgress.NONE);
        Path content = updates.downloadedContent(update.id());

        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), List.of(update.id()), false, false),
                WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        UpdateResult result = run.updates().get(0);
        assertEquals(UpdateResult.Outcome.APPLIED, result.outcome(), result.detail());
        assertEquals("dism", result.servicer());
        // the content library's file has no extension; DISM is given it as <update ID>.cab (the stand-in names it so)
        String identity = "Package_for_" + update.id();
        assertTrue(result.detail().contains(identity), result.detail());
        assertTrue(Standin.calls("DismAddPackage").get(0).contains("/" + update.id() + ".cab "), Standin.calls().toString());
        assertTrue(Files.isRegularFile(content), "the content library's file stays");
        WimTool.verify(wim);
        List<String> paths = WimTool.dir(wim, 1);
        assertTrue(paths.contains("/Windows/servicing/Packages/" + identity + ".mum"), paths.toString());
        assertEquals(image.contentVersion() + 1, catalog.get(image.id()).contentVersion());
        assertTrue(updates.installedUpdates(image.id()).installed().stream().anyMatch(u -> u.updateId().equals(update.id())),
                "recorded as applied");

        String log = Files.readString(Path.of(run.logFile()));
        assertTrue(log.contains("applying with the dism servicer") && log.contains("dism: mounting index 1 of ")
                && log.contains("dism: dism.log: ") && log.contains("committed"), log);
    }
}
