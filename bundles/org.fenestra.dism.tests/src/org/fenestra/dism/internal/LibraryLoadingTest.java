package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismHostOptions;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismLogLevel;
import org.fenestra.dism.DismUnavailableException;
import org.fenestra.dism.internal.DismLibraryLocator.Candidate;

/** Where DismApi is loaded from, what happens when it is not there, and DISM versions without _DismCleanImage. */
class LibraryLoadingTest extends StandinTest {

    @Test
    void onWindowsTheConfiguredFolderComesFirstThenTheAdkThenTheSystem(@TempDir Path adkDism) {
        Path kits = Path.of("C:\\Program Files (x86)\\Windows Kits\\10\\");
        List<Candidate> candidates = DismLibraryLocator.candidates(adkDism, true, Optional.of(kits), "amd64");
        assertEquals(List.of(
                new Candidate(adkDism.resolve("DismApi.dll"), "fenestra.dism.path"),
                new Candidate(kits.resolve("Assessment and Deployment Kit").resolve("Deployment Tools")
                        .resolve("amd64").resolve("DISM").resolve("DismApi.dll"), "Windows ADK"),
                new Candidate(null, "the system's DismApi.dll")), candidates);
        assertEquals("arm64", DismLibraryLocator.adkArchitecture("aarch64"));
        assertEquals(List.of(new Candidate(null, "the system's DismApi.dll")),
                DismLibraryLocator.candidates(null, true, Optional.empty(), "amd64"));
    }

    @Test
    void elsewhereOnlyTheConfiguredLibraryIsTried() {
        assertEquals(List.of(new Candidate(Standin.library(Standin.FOLDER), "fenestra.dism.path")),
                DismLibraryLocator.candidates(Standin.FOLDER.toAbsolutePath(), false, Optional.empty(), "amd64"));
        Path file = Standin.library(Standin.FOLDER);
        assertEquals(file, DismLibraryLocator.candidates(file, false, Optional.empty(), "amd64").get(0).file());
        assertEquals(List.of(), DismLibraryLocator.candidates(null, false, Optional.empty(), "amd64"));
    }

    @Test
    void fenestraDismPathNamesTheFolder() {
        String before = System.getProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY);
        try {
            System.setProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY, Standin.FOLDER.toString());
            assertEquals(Standin.FOLDER, DismHostOptions.fromSystemProperties().libraryFolder());
            System.setProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY, " ");
            assertEquals(null, DismHostOptions.fromSystemProperties().libraryFolder());
        } finally {
            if (before == null) {
                System.clearProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY);
            } else {
                System.setProperty(DismHostOptions.LIBRARY_FOLDER_PROPERTY, before);
            }
        }
    }

    @Test
    void aLibraryWithoutAVersionResourceHasNoVersion() throws Exception {
        try (DismHost host = Standin.start()) {
            assertEquals(Optional.empty(), host.version());
        }
    }

    @Test
    void aFolderWithoutDismApiIsNamedInTheError(@TempDir Path empty) {
        DismUnavailableException e = assertThrows(DismUnavailableException.class,
                () -> DismHost.start(new DismHostOptions(empty, DismLogLevel.ERRORS, null, null)));
        assertTrue(e.getMessage().contains(empty.resolve(System.mapLibraryName("DismApi")).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void aFileThatIsNoLibraryIsNamedInTheError(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(System.mapLibraryName("DismApi")), "not a library");
        DismUnavailableException e = assertThrows(DismUnavailableException.class,
                () -> DismHost.start(new DismHostOptions(folder, DismLogLevel.ERRORS, null, null)));
        assertTrue(e.getMessage().startsWith("DismApi did not load from any place tried: fenestra.dism.path ("),
                e.getMessage());
    }

    @Test
    void noConfiguredLibraryOffWindowsSaysDismIsWindowsOnly() {
        DismUnavailableException e = assertThrows(DismUnavailableException.class,
                () -> DismHost.start(new DismHostOptions(null, DismLogLevel.ERRORS, null, null)));
        assertTrue(e.getMessage().contains("Windows only"), e.getMessage());
    }

    @Test
    void aSecondLibraryIsRefusedWhileDismRunsAndTheSameFolderIsJoined() throws Exception {
        try (DismHost host = Standin.start()) {
            try (DismHost same = Standin.start(); DismHost any = DismHost.start(
                    new DismHostOptions(null, DismLogLevel.ERRORS, null, null))) {
                assertEquals(host.library(), same.library());
                assertEquals(host.library(), any.library());
            }
            DismUnavailableException e = assertThrows(DismUnavailableException.class, () -> DismHost.start(
                    new DismHostOptions(Standin.FOLDER_WITHOUT_CLEAN_IMAGE, DismLogLevel.ERRORS, null, null)));
            assertTrue(e.getMessage().contains("one initialisation per process"), e.getMessage());
        }
        assertEquals(1, Standin.CONTROL.Standin_InitializeCalls());
    }

    @Test
    void withoutTheCleanImageExportComponentCleanupIsUnavailable() throws Exception {
        try (DismHost host = DismHost.start(
                new DismHostOptions(Standin.FOLDER_WITHOUT_CLEAN_IMAGE, DismLogLevel.ERRORS, null, null));
                DismImageSession session = host.openSession("C:\\Mount\\a")) {
            assertFalse(session.componentCleanupAvailable());
            DismUnavailableException e = assertThrows(DismUnavailableException.class,
                    () -> session.cleanupComponents(true, null));
            assertTrue(e.getMessage().contains("does not export _DismCleanImage"), e.getMessage());
        }
    }
}
