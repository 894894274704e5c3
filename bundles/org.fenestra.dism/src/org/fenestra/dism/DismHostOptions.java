package org.fenestra.dism;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where DismApi.dll comes from and how DISM logs.
 *
 * @param libraryFolder the folder holding DismApi.dll (an ADK's {@code ...\Deployment Tools\amd64\DISM}),
 *        tried first; {@code null} to use the ADK's registered folder and then the system's
 * @param logLevel what DISM writes to its log
 * @param logFile DISM's log file; {@code null} for DISM's default ({@code %WINDIR%\Logs\DISM\dism.log})
 * @param scratchDirectory DISM's scratch folder; {@code null} for DISM's default
 * @since 0.1
 */
public record DismHostOptions(Path libraryFolder, DismLogLevel logLevel, String logFile, String scratchDirectory) {

    /** The system property naming the folder DismApi.dll is loaded from first. */
    public static final String LIBRARY_FOLDER_PROPERTY = "fenestra.dism.path";

    public DismHostOptions {
        if (logLevel == null) {
            throw new IllegalArgumentException("logLevel is required");
        }
    }

    /** {@code fenestra.dism.path} if set, errors and warnings logged, DISM's default log and scratch folder. */
    public static DismHostOptions fromSystemProperties() {
        Path folder = Optional.ofNullable(System.getProperty(LIBRARY_FOLDER_PROPERTY))
                .filter(value -> !value.isBlank())
                .map(Path::of)
                .orElse(null);
        return new DismHostOptions(folder, DismLogLevel.ERRORS_WARNINGS, null, null);
    }

    public DismHostOptions withLogFile(String file) {
        return new DismHostOptions(libraryFolder, logLevel, file, scratchDirectory);
    }

    public DismHostOptions withScratchDirectory(String directory) {
        return new DismHostOptions(libraryFolder, logLevel, logFile, directory);
    }
}
