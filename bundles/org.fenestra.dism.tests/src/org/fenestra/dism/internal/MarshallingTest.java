package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.fenestra.dism.DismCompletion;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismProgress;
import org.fenestra.dism.ImageInfo;
import org.fenestra.dism.InstalledPackage;
import org.fenestra.dism.MountMode;
import org.fenestra.dism.MountStatus;
import org.fenestra.dism.MountedImage;
import org.fenestra.dism.PackageInfo;
import org.fenestra.dism.PackageState;
import org.fenestra.dism.ReleaseType;
import org.fenestra.dism.RestartType;
import org.fenestra.dism.UnmountMode;
import org.fenestra.dism.WindowsVersion;

/**
 * Every bound function, called through the Java API against the stand-in: the arguments the
 * stand-in received (its call log decodes the UTF-16 it got), and every struct, array, string
 * and callback coming back.
 */
class MarshallingTest extends StandinTest {

    /** Latin-1, typographic dash, CJK and a character outside the BMP (a UTF-16 surrogate pair). */
    private static final String NON_ASCII = "Ünïcødé – 日本語 😀";

    private record Report(long current, long total) {
    }

    private static final class RecordingProgress implements DismProgress {
        final List<Report> reports = new CopyOnWriteArrayList<>();

        @Override
        public void worked(long current, long total) {
            reports.add(new Report(current, total));
        }
    }

    @Test
    void initialiseOncePassesLogLevelLogFileAndScratchFolder() throws Exception {
        try (DismHost host = DismHost.start(Standin.options().withLogFile("C:\\Logs\\" + NON_ASCII + "\\dism.log")
                .withScratchDirectory("D:\\Scratch"))) {
            assertEquals(Standin.library(Standin.FOLDER), host.library().toAbsolutePath());
        }
        assertEquals(List.of("DismInitialize logLevel=2 logFile=C:\\Logs\\" + NON_ASCII + "\\dism.log scratch=D:\\Scratch",
                "DismShutdown"), Standin.calls());
    }

    @Test
    void optionalStringsArePassedAsNull() throws Exception {
        try (DismHost host = Standin.start()) {
            host.cleanupMountpoints();
        }
        assertEquals("DismInitialize logLevel=2 logFile=(null) scratch=(null)", Standin.calls().get(0));
    }

    @Test
    void imageInfoReadsEveryFieldOfEveryImageAndTheirLanguages() throws Exception {
        String wim = "\\\\fs01\\images\\" + NON_ASCII + "\\install.wim";
        List<ImageInfo> images;
        try (DismHost host = Standin.start()) {
            images = host.imageInfo(wim);
        }
        assertEquals(List.of("DismGetImageInfo image=" + wim), Standin.calls("DismGetImageInfo"));
        assertEquals(2, images.size());
        ImageInfo first = images.get(0);
        assertEquals(new ImageInfo(1, "Windows 11 Pro", wim, 16106127360L, 9, "Microsoft® Windows® Operating System",
                "Professional", "Client", "acpiapic", "WinNT", "Terminal Server", new WindowsVersion(10, 0, 22621, 2428),
                0, Boolean.FALSE, "WINDOWS", List.of("en-US", "de-DE"), "en-US"), first);
        ImageInfo second = images.get(1);
        assertEquals(2, second.index());
        assertEquals("Windows 11 Pro für Workstations – 日本語 😀", second.name());
        assertEquals("ProfessionalWorkstation", second.editionId());
        assertEquals(16106127361L, second.size());
        assertEquals(new WindowsVersion(10, 0, 22621, 2429), second.version());
        assertEquals("de-DE", second.defaultLanguage());
    }

    @Test
    void mountListUnmountWithFlagsCallbackAndCancelHandle() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        List<MountedImage> mounted;
        try (DismHost host = Standin.start()) {
            assertEquals(DismCompletion.COMPLETED,
                    host.mountImage("C:\\Images\\install.wim", 2, "C:\\Mount\\" + NON_ASCII, MountMode.READ_WRITE, progress));
            host.mountImage("C:\\Images\\boot.wim", 1, "C:\\Mount\\boot", MountMode.READ_ONLY, DismProgress.NONE);
            host.mountImage("C:\\Images\\winre.wim", 1, "C:\\Mount\\winre", MountMode.READ_WRITE, null);
            mounted = host.mountedImages();
            host.unmountImage("C:\\Mount\\" + NON_ASCII, UnmountMode.COMMIT, progress);
            host.unmountImage("C:\\Mount\\boot", UnmountMode.DISCARD, null);
            assertEquals(List.of("C:\\Mount\\winre"), host.mountedImages().stream().map(MountedImage::mountPath).toList());
            host.unmountImage("C:\\Mount\\winre", UnmountMode.DISCARD, null);
        }
        // Three elements: a padded 32-byte stride would misread the second and third.
        assertEquals(List.of(
                new MountedImage("C:\\Mount\\" + NON_ASCII, "C:\\Images\\install.wim", 2, MountMode.READ_WRITE, MountStatus.OK),
                new MountedImage("C:\\Mount\\boot", "C:\\Images\\boot.wim", 1, MountMode.READ_ONLY, MountStatus.OK),
                new MountedImage("C:\\Mount\\winre", "C:\\Images\\winre.wim", 1, MountMode.READ_WRITE, MountStatus.OK)),
                mounted);
        List<String> mounts = Standin.calls("DismMountImage");
        assertEquals("DismMountImage image=C:\\Images\\install.wim mount=C:\\Mount\\" + NON_ASCII
                + " index=2 name=(null) identifier=0 flags=0x00000000 cancel=set progress=set userData=null", mounts.get(0));
        assertTrue(mounts.get(1).contains(" flags=0x00000001 "), mounts.get(1));
        List<String> unmounts = Standin.calls("DismUnmountImage");
        assertEquals("DismUnmountImage mount=C:\\Mount\\" + NON_ASCII
                + " flags=0x00000000 (commit) cancel=set progress=set userData=null", unmounts.get(0));
        assertTrue(unmounts.get(1).contains("flags=0x00000001 (discard)"), unmounts.get(1));
        // Mount and commit-unmount each reported 0..5 of 5 through the callback.
        List<Report> expected = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int step = 0; step <= 5; step++) {
                expected.add(new Report(step, 5));
            }
        }
        assertEquals(expected, progress.reports);
    }

    @Test
    void cleanupMountpointsRemovesStaleMounts() throws Exception {
        Standin.addStaleMount("C:\\Mount\\stale", "C:\\Images\\old.wim", 1);
        try (DismHost host = Standin.start()) {
            assertEquals(MountStatus.INVALID, host.mountedImages().get(0).status());
            host.cleanupMountpoints();
            assertEquals(List.of(), host.mountedImages());
        }
    }

    @Test
    void sessionListsAddsDescribesCommitsAndCleansUp() throws Exception {
        String image = "C:\\Mount\\" + NON_ASCII;
        String cab = "C:\\Updates\\" + NON_ASCII + "\\Windows11.0-KB5031356-x64.cab";
        RecordingProgress progress = new RecordingProgress();
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession(image)) {
            assertEquals(image, session.imagePath());
            List<InstalledPackage> before = session.packages();
            assertEquals(List.of(
                    new InstalledPackage("Microsoft-Windows-Foundation-Package~31bf3856ad364e35~amd64~~10.0.22621.1",
                            PackageState.INSTALLED, ReleaseType.FOUNDATION, LocalDateTime.of(2026, 11, 14, 10, 30, 15, 250_000_000)),
                    new InstalledPackage("Package_for_ServicingStack_2420~31bf3856ad364e35~amd64~~22621.2420.1.1",
                            PackageState.INSTALLED, ReleaseType.SECURITY_UPDATE, LocalDateTime.of(2026, 11, 14, 10, 30, 15, 250_000_000))),
                    before);

            assertEquals(DismCompletion.COMPLETED, session.addPackage(cab, true, false, progress));
            assertEquals(6, progress.reports.size());
            List<InstalledPackage> after = session.packages();
            assertEquals(3, after.size());
            assertEquals("Package_for_Windows11.0-KB5031356-x64", after.get(2).name());

            PackageInfo info = session.packageInfo("Package_for_Windows11.0-KB5031356-x64");
            assertEquals("Package_for_Windows11.0-KB5031356-x64", info.name());
            assertEquals(PackageState.INSTALLED, info.state());
            assertEquals(ReleaseType.SECURITY_UPDATE, info.releaseType());
            assertEquals(LocalDateTime.of(2026, 11, 14, 10, 30, 15, 250_000_000), info.installTime());
            assertTrue(info.applicable());
            assertEquals("Copyright (c) Microsoft Corporation. All Rights Reserved.", info.copyright());
            assertEquals("Microsoft Corporation", info.company());
            assertEquals(LocalDateTime.of(2026, 11, 11, 8, 0), info.creationTime());
            assertEquals("Sicherheitsupdate für Windows (KB5031356) – 日本語 😀", info.displayName());
            assertEquals("Fix for KB5031356", info.description());
            assertEquals("DISM Package Manager Provider", info.installClient());
            assertEquals("Windows11.0-KB5031356-x64.cab", info.installPackageName());
            assertEquals(LocalDateTime.of(2026, 11, 14, 10, 30, 15, 250_000_000), info.lastUpdateTime());
            assertEquals("Windows 11", info.productName());
            assertEquals("10.0.22621.2428", info.productVersion());
            assertEquals(RestartType.POSSIBLE, info.restartRequired());
            assertTrue(info.fullyOfflineInstallable());
            assertEquals("https://support.microsoft.com/help/5031356", info.supportInformation());
            assertEquals(List.of(new PackageInfo.CustomProperty("KB", "5031356", "\\KB"),
                    new PackageInfo.CustomProperty("Größe", "1,2 GB", "\\Größe")), info.customProperties());
            assertEquals(List.of(new PackageInfo.Feature("NetFx3", PackageState.STAGED),
                    new PackageInfo.Feature("Microsoft-Hyper-V", PackageState.INSTALLED),
                    new PackageInfo.Feature("Printing-PrintToPDFServices-Features", PackageState.SUPERSEDED)),
                    info.features());
            assertEquals(info, session.packageInfoOfFile(cab));

            assertEquals(DismCompletion.COMPLETED, session.commit(null));
            assertTrue(session.componentCleanupAvailable());
            assertEquals(DismCompletion.COMPLETED, session.cleanupComponents(true, null));
            session.cleanupComponents(false, null);
        }
        assertEquals(List.of("DismOpenSession image=" + image + " windowsDir=(null) systemDrive=(null) -> session=101"),
                Standin.calls("DismOpenSession"));
        assertEquals(List.of("DismAddPackage session=101 path=" + cab
                + " ignoreCheck=1 preventPending=0 cancel=set progress=set userData=null"), Standin.calls("DismAddPackage"));
        assertEquals(List.of("DismGetPackageInfo session=101 identifier=Package_for_Windows11.0-KB5031356-x64 kind=1",
                "DismGetPackageInfo session=101 identifier=" + cab + " kind=2"), Standin.calls("DismGetPackageInfo"));
        assertEquals(List.of("DismCommitImage session=101 flags=0x00000000 cancel=set progress=set userData=null"),
                Standin.calls("DismCommitImage"));
        assertEquals(List.of("_DismCleanImage session=101 type=4 flags=0x00000001 cancel=set progress=set userData=null",
                "_DismCleanImage session=101 type=4 flags=0x00000000 cancel=set progress=set userData=null"),
                Standin.calls("_DismCleanImage"));
        assertEquals(List.of("DismCloseSession session=101"), Standin.calls("DismCloseSession"));
    }

    @Test
    void closingTheHostClosesItsSessionsBeforeShuttingDown() throws Exception {
        DismHost host = Standin.start();
        DismImageSession session = host.openSession("C:\\Mount\\a");
        host.close();
        host.close();
        session.close();
        List<String> calls = Standin.calls();
        assertEquals(List.of("DismCloseSession session=101", "DismShutdown"), calls.subList(calls.size() - 2, calls.size()));
        assertEquals(1, Standin.CONTROL.Standin_ShutdownCalls());
    }

    @Test
    void emptyResultsAreEmptyLists() throws Exception {
        try (DismHost host = Standin.start()) {
            assertEquals(List.of(), host.mountedImages());
            assertFalse(Standin.calls("DismGetMountedImageInfo").isEmpty());
        }
    }
}
