package org.fenestra.dism.internal.servicer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.fenestra.dism.DismHostOptions;
import org.fenestra.dism.DismLogLevel;
import org.fenestra.dism.WindowsVersion;

/**
 * How the DISM servicer finds and checks DISM.
 *
 * @param libraryFolder {@code fenestra.dism.path}: the folder holding DismApi.dll, {@code null} for the
 *        ADK's registered one and then the system's
 * @param cleanupTool {@code fenestra.dism.exe}: the {@code dism.exe} that runs component cleanup where
 *        DismApi lacks {@code _DismCleanImage}; {@code null} for the {@code Dism.exe} beside DismApi.dll
 * @param hostVersion the DISM version to check images against; empty to read it from DismApi.dll's file
 *        version (which only Windows libraries carry)
 */
record DismServicerSettings(Path libraryFolder, Path cleanupTool, Optional<WindowsVersion> hostVersion) {

    static final String CLEANUP_TOOL_PROPERTY = "fenestra.dism.exe";

    static DismServicerSettings from(UnaryOperator<String> properties) {
        return new DismServicerSettings(path(properties.apply(DismHostOptions.LIBRARY_FOLDER_PROPERTY)),
                path(properties.apply(CLEANUP_TOOL_PROPERTY)), Optional.empty());
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /** DISM's options for a session working in {@code workFolder}: its log and scratch space live there. */
    DismHostOptions hostOptions(Path workFolder) {
        return new DismHostOptions(libraryFolder, DismLogLevel.ERRORS_WARNINGS_INFO,
                workFolder.resolve(DismServicingSession.DISM_LOG).toString(),
                workFolder.resolve("scratch").toString());
    }

    /** Enough to load DismApi (nothing of DISM's log or scratch space): for probing it. */
    DismHostOptions libraryOptions() {
        return new DismHostOptions(libraryFolder, DismLogLevel.ERRORS, null, null);
    }

    /** The dism.exe for the cleanup fallback: the configured one, else the one beside the loaded DismApi. */
    Path cleanupTool(Path dismApi) {
        return cleanupTool != null ? cleanupTool : dismApi.resolveSibling("Dism.exe");
    }
}
