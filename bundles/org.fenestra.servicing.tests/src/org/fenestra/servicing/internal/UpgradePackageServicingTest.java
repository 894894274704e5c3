package org.fenestra.servicing.internal;

import static org.fenestra.servicing.internal.ServicingFixture.agent;
import static org.fenestra.servicing.internal.ServicingFixture.cleanup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewUpgradePackage;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.servicing.testing.SetupMedia;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OS upgrade package is serviced through the same pipeline as an OS image: its
 * {@code sources/install.wim} changes (checked with wimlib-imagex), every other file of the setup media
 * stays byte-identical, and its content version, installed updates and history are the package's.
 */
class UpgradePackageServicingTest {

    @TempDir
    Path work;

    @Test
    void servicingChangesOnlyTheInstallWimOfAnUpgradePackage() throws Exception {
        ServicingFixture fixture = new ServicingFixture(work);
        Path media = SetupMedia.write(work.resolve("media"));
        UpgradePackageRecord added = ServicingFixture.service(UpgradePackageCatalog.class).add(new NewUpgradePackage(
                "Windows 11 upgrade " + System.nanoTime(), "23H2", "", "/imported/from", media.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(media.resolve(SetupMedia.INSTALL_WIM)),
                0, 12, "admin"), ImageFacts.UNKNOWN);
        ServicingTarget target = fixture.catalog().target(added.id());
        assertEquals(ServicingTarget.Kind.UPGRADE_PACKAGE, target.kind());
        Map<String, String> before = SetupMedia.checksums(media);
        List<String> ids = fixture.published(agent(), cleanup());
        assertTrue(fixture.updates().applicable(added.id(), UpdateFilter.ALL).stream().map(u -> u.id()).toList()
                .containsAll(ids), "applicability works on the package's install.wim");

        ServicingRun run = ServicingFixture.service(OfflineServicing.class)
                .serviceNow(new ServicingRequest(added.id(), ids, false, false), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        Path installWim = media.resolve(SetupMedia.INSTALL_WIM);
        WimTool.verify(installWim);
        List<String> dir = WimTool.dir(installWim, 1);
        assertTrue(dir.contains("/Program Files/Contoso/agent.exe"), dir.toString());
        assertFalse(dir.contains("/" + TestImages.OLD_LOG), dir.toString());
        Map<String, String> after = SetupMedia.checksums(media);
        assertNotEquals(before.get(SetupMedia.INSTALL_WIM), after.get(SetupMedia.INSTALL_WIM));
        Map<String, String> othersBefore = new TreeMap<>(before);
        Map<String, String> othersAfter = new TreeMap<>(after);
        othersBefore.remove(SetupMedia.INSTALL_WIM);
        othersAfter.remove(SetupMedia.INSTALL_WIM);
        assertEquals(othersBefore, othersAfter, "every other file of the package is byte-identical, none added or removed");
        assertEquals(2, fixture.catalog().target(added.id()).contentVersion());
        assertEquals(Files.size(installWim), fixture.catalog().target(added.id()).sizeBytes());
        assertTrue(fixture.updates().installedUpdates(added.id()).installed().stream().map(u -> u.updateId()).toList()
                .containsAll(ids), "recorded as applied to the package");
        assertEquals(List.of(run.runId()), ServicingFixture.service(OfflineServicing.class).history(added.id()).stream()
                .map(ServicingRun::runId).toList());
        assertEquals(List.of(), ServicingFixture.service(OfflineServicing.class).history(fixture.image().id()));

        ServicingSchedule schedule = ServicingFixture.service(ServicingSchedules.class).schedule(added.id(), List.of(), true,
                Recurrence.once(Instant.now().plusSeconds(86_400)), false, false, false);
        assertEquals(added.id(), schedule.imageId());
        assertEquals(RunStatus.SCHEDULED, schedule.status());
        ServicingFixture.service(ServicingSchedules.class).cancel(added.id());
    }
}
