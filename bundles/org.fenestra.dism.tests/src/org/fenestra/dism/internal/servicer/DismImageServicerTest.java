package org.fenestra.dism.internal.servicer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fenestra.dism.WindowsVersion;
import org.fenestra.dism.internal.Standin;
import org.fenestra.servicing.api.ImagePackage;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the DISM servicer does beyond the contract, against the stand-in DismApi in files mode: the
 * version refusal, stale mount points, MSU and expanded-folder packages, DISM's typed failures, its
 * log lines, and component cleanup through _DismCleanImage or, where DismApi lacks it, a dism.exe
 * (here a script standing in for it: it records its arguments, writes a log, exits as told).
 */
class DismImageServicerTest {

    @TempDir
    Path folder;

    private Path wim;
    private Path work;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void imageAndStandIn() throws Exception {
        Standin.reset();
        Standin.useFiles();
        wim = TestImages.windowsImage(folder.resolve("tree"), folder.resolve("image/install.wim"));
        work = Files.createDirectories(folder.resolve("work"));
    }

    @AfterEach
    void everyBufferDeletedOnce() {
        Standin.assertNoLeaks();
    }

    private static DismImageServicer servicer(Path library, Path dismExe, WindowsVersion hostVersion) {
        return new DismImageServicer(new DismServicerSettings(library, dismExe, Optional.ofNullable(hostVersion)));
    }

    private static DismImageServicer servicer() {
        return servicer(Standin.FOLDER, null, null);
    }

    @Test
    void anOlderDismIsRefusedNamingBothVersionsAndNothingIsMounted() throws Exception {
        byte[] before = sha256(wim);
        ServicingException refused = assertThrows(ServicingException.class,
                () -> servicer(Standin.FOLDER, null, WindowsVersion.parse("10.0.19041.1")).open(wim, 1, work,
                        WimProgress.NONE, log::add));
        assertEquals(Reason.SERVICER_OUTDATED, refused.reason());
        assertTrue(refused.getMessage().contains("10.0.19041.1") && refused.getMessage().contains("10.0.22621.2428"),
                refused.getMessage());
        assertEquals(List.of(), Standin.calls("DismMountImage"));
        assertArrayEquals(before, sha256(wim));
        try (var mounts = Files.list(work)) {
            assertEquals(List.of(), mounts.filter(p -> p.getFileName().toString().startsWith("mount-")).toList());
        }
    }

    @Test
    void theSameReleaseWithAnOlderRevisionServices() throws Exception {
        Standin.CONTROL.Standin_SetImageVersion(10, 0, 22621, 4317);
        try (ServicingSession session = servicer(Standin.FOLDER, null, WindowsVersion.parse("10.0.22621.1"))
                .open(wim, 1, work, WimProgress.NONE, log::add)) {
            session.discard();
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("DISM 10.0.22621.1 services the image's Windows 10.0.22621.4317")),
                String.join("\n", log));
    }

    @Test
    void staleMountPointsAreCleanedAtTheFirstSessionOnly() throws Exception {
        Standin.addStaleMount(folder.resolve("old-run/mount").toString(), folder.resolve("old.wim").toString(), 1);
        DismImageServicer servicer = servicer();
        servicer.open(wim, 1, work, WimProgress.NONE, log::add).discard();
        servicer.open(wim, 1, work, WimProgress.NONE, log::add).discard();
        assertEquals(1, Standin.calls("DismCleanupMountpoints").size(), String.join("\n", Standin.calls()));
        assertTrue(Standin.calls().indexOf("DismCleanupMountpoints") < firstIndexOf("DismMountImage"));
        try (var host = Standin.start()) {
            assertEquals(List.of(), host.mountedImages(), "the stale mount is gone, and ours were unmounted");
        }
    }

    @Test
    void msuAndExpandedFolderPackagesGoToDismAsGivenAndAreCommitted() throws Exception {
        Path msu = CbsCabinets.cbs(folder.resolve("packages"), "windows11.0-kb5031455-x64.msu", "KB5031455");
        Path expanded = Files.createDirectories(folder.resolve("packages/KB5031354-expanded"));
        Files.writeString(expanded.resolve("update.mum"), CbsCabinets.mum("KB5031354"));
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE, log::add)) {
            PackageOutcome fromMsu = session.addPackage(new ServicingPackage("UPD1", msu, PackageType.MSU), WimProgress.NONE);
            PackageOutcome fromFolder = session.addPackage(new ServicingPackage("UPD2", expanded, PackageType.PSFX),
                    WimProgress.NONE);
            assertEquals("Package_for_windows11.0-kb5031455-x64", fromMsu.identity());
            assertEquals("Package_for_KB5031354-expanded", fromFolder.identity());
            session.commit(WimProgress.NONE);
        }
        assertTrue(Standin.calls("DismAddPackage").get(0).contains("path=" + msu + " ignoreCheck=0 preventPending=0"));
        assertTrue(Standin.calls("DismAddPackage").get(1).contains("path=" + expanded + " "));
        assertTrue(Standin.calls("DismUnmountImage").get(0).endsWith("(commit) cancel=set progress=set userData=null"));
        WimTool.verify(wim);
        List<String> paths = WimTool.dir(wim, 1);
        assertTrue(paths.contains("/Windows/servicing/Packages/Package_for_windows11.0-kb5031455-x64.mum"), paths.toString());
        assertTrue(paths.contains("/Windows/servicing/Packages/" + TestImages.INSTALLED_MUM + ".mum"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("mounting index 1 of " + wim)), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("dism.log: ") && l.contains("Added package")),
                "DISM's own log lines reach the servicing log: " + String.join("\n", log));
        assertFalse(Files.exists(work.resolve(DismServicingSession.DISM_LOG)), "copied, then removed");
    }

    @Test
    void dismFailuresAreTypedWithDismsMessageAndTheSessionGoesOn() throws Exception {
        Path notApplicable = CbsCabinets.cbs(folder.resolve("packages"), "old.cab", "KB1");
        Path needsStack = CbsCabinets.cbs(folder.resolve("packages"), "new.cab", "KB2");
        Standin.failPackage(notApplicable.toString(), 0x800F081E, "Das Paket gilt nicht für dieses Image.");
        Standin.failPackage(needsStack.toString(), 0x800F0823, "A newer servicing stack is required.");
        byte[] before = sha256(wim);
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE, log::add)) {
            ServicingException e = assertThrows(ServicingException.class,
                    () -> session.addPackage(new ServicingPackage("UPD1", notApplicable, PackageType.CBS), WimProgress.NONE));
            assertEquals(Reason.NOT_APPLICABLE, e.reason());
            assertTrue(e.getMessage().contains("0x800F081E") && e.getMessage().contains("Das Paket gilt nicht für dieses Image"),
                    e.getMessage());
            e = assertThrows(ServicingException.class,
                    () -> session.addPackage(new ServicingPackage("UPD2", needsStack, PackageType.CBS), WimProgress.NONE));
            assertEquals(Reason.NOT_APPLICABLE, e.reason());
            assertTrue(e.getMessage().contains("servicing stack update"), e.getMessage());
            assertEquals(List.of(TestImages.INSTALLED_MUM), session.packages().stream().map(ImagePackage::identity).toList());
        }
        assertArrayEquals(before, sha256(wim));
    }

    @Test
    void cancellingDuringDismAddPackageSignalsTheCancelEvent() throws Exception {
        Standin.CONTROL.Standin_SetProgress(50, 20, 0);
        Path cab = CbsCabinets.cbs(folder.resolve("packages"), "slow.cab", "KB3");
        WimProgress cancelLater = new WimProgress() {
            private int calls;

            @Override
            public synchronized boolean isCanceled() {
                return ++calls > 3; // the servicer's own check and DISM's first callbacks pass
            }
        };
        ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE, log::add);
        ServicingException e = assertThrows(ServicingException.class,
                () -> session.addPackage(new ServicingPackage("UPD3", cab, PackageType.CBS), cancelLater));
        assertEquals(Reason.CANCELLED, e.reason());
        assertEquals(List.of(TestImages.INSTALLED_MUM), session.packages().stream().map(ImagePackage::identity).toList());
        session.close();
    }

    @Test
    void componentCleanupUsesDismCleanImageWhereExported() throws Exception {
        try (ServicingSession session = servicer().open(wim, 1, work, WimProgress.NONE, log::add)) {
            assertTrue(session.cleanupComponents(WimProgress.NONE));
        }
        assertEquals(1, Standin.calls("_DismCleanImage").size());
        assertTrue(Standin.calls("_DismCleanImage").get(0).contains("type=4 flags=0x00000001"), Standin.calls().toString());
    }

    @Test
    void componentCleanupFallsBackToDismExeWithItsExitCodeAndLogChecked() throws Exception {
        Standin.Control older = Standin.control(Standin.FOLDER_WITHOUT_CLEAN_IMAGE);
        older.Standin_Reset();
        older.Standin_UseFiles("wimlib-imagex");
        Path tools = Files.createDirectories(folder.resolve("tools"));
        Path dismExe = standInDismExe(tools);
        DismImageServicer servicer = servicer(Standin.FOLDER_WITHOUT_CLEAN_IMAGE, dismExe, null);
        try (ServicingSession session = servicer.open(wim, 1, work, WimProgress.NONE, log::add)) {
            assertTrue(session.cleanupComponents(WimProgress.NONE));
            String mount = log.stream().filter(l -> l.startsWith("mounting index 1")).findFirst().orElseThrow()
                    .replaceFirst(".* at ", "");
            assertEquals(List.of("/English", "/Image:" + mount, "/Cleanup-Image", "/StartComponentCleanup", "/ResetBase",
                    "/LogPath:" + work.resolve("dism-cleanup.log"), "/LogLevel:3"),
                    Files.readAllLines(tools.resolve("arguments.txt")));
            assertTrue(log.contains("dism.exe: The operation completed successfully."), String.join("\n", log));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("dism.exe log: ") && l.contains("StartComponentCleanup")));

            Files.writeString(tools.resolve("exit-code"), "87");
            ServicingException failed = assertThrows(ServicingException.class,
                    () -> session.cleanupComponents(WimProgress.NONE));
            assertEquals(Reason.IO, failed.reason());
            assertTrue(failed.getMessage().contains("exit code 87 (0x00000057): The parameter is incorrect.")
                    && failed.getMessage().contains("Failed finalizing changes"), failed.getMessage());

            // the session was reopened after dism.exe: it still works
            assertEquals(List.of(TestImages.INSTALLED_MUM), session.packages().stream().map(ImagePackage::identity).toList());
        } finally {
            assertEquals(0, older.Standin_OpenSessions());
            assertEquals(0, older.Standin_LiveBuffers());
            older.Standin_Reset();
        }
    }

    @Test
    void withoutDismExeTheFallbackSaysWhatToConfigure() throws Exception {
        Standin.Control older = Standin.control(Standin.FOLDER_WITHOUT_CLEAN_IMAGE);
        older.Standin_Reset();
        older.Standin_UseFiles("wimlib-imagex");
        try (ServicingSession session = servicer(Standin.FOLDER_WITHOUT_CLEAN_IMAGE, null, null).open(wim, 1, work,
                WimProgress.NONE, log::add)) {
            ServicingException e = assertThrows(ServicingException.class, () -> session.cleanupComponents(WimProgress.NONE));
            assertEquals(Reason.IO, e.reason());
            assertTrue(e.getMessage().contains("Dism.exe") && e.getMessage().contains("fenestra.dism.exe"), e.getMessage());
        } finally {
            older.Standin_Reset();
        }
    }

    /** A shell script named dism.exe: records its arguments, logs as dism.exe does, exits with tools/exit-code (0). */
    private static Path standInDismExe(Path tools) throws Exception {
        Path script = tools.resolve("dism.exe");
        Files.writeString(script, """
                #!/bin/sh
                here=$(dirname "$0")
                printf '%s\\n' "$@" > "$here/arguments.txt"
                code=$(cat "$here/exit-code" 2>/dev/null || echo 0)
                for argument in "$@"; do
                  case "$argument" in /LogPath:*) log="${argument#/LogPath:}";; esac
                done
                echo "2026-12-05 21:00:00, Info                  DISM   DISM.EXE: StartComponentCleanup /ResetBase" >> "$log"
                echo "Deployment Image Servicing and Management tool"
                if [ "$code" = 0 ]; then
                  echo "The operation completed successfully."
                else
                  echo "2026-12-05 21:00:01, Error                 DISM   DISM Package Manager: Failed finalizing changes. - CDISMPackageManager::Internal_Finalize(hr:0x800706be)" >> "$log"
                  echo "Error: 87"
                  echo "The parameter is incorrect."
                fi
                exit "$code"
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static int firstIndexOf(String function) {
        List<String> calls = Standin.calls();
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(function + " ")) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
