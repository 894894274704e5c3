package org.fenestra.dism.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where DismApi is looked for, in order, as the best-known .NET wrapper does: the configured
 * folder ({@code fenestra.dism.path}), then the Windows ADK's registered install root
 * ({@code HKLM\SOFTWARE\Microsoft\Windows Kits\Installed Roots\KitsRoot10}, Windows only), then the
 * system's own DismApi.dll. An ADK's DISM services newer images than the system's, which is why
 * it comes first.
 */
public final class DismLibraryLocator {

    /** One place to try: a file, or ({@code file == null}) the system's library by name. */
    public record Candidate(Path file, String origin) {

        boolean isSystem() {
            return file == null;
        }

        @Override
        public String toString() {
            return isSystem() ? origin : origin + " (" + file + ")";
        }
    }

    static final String SYSTEM_LIBRARY_NAME = "DismApi";

    private DismLibraryLocator() {
    }

    /**
     * The places to try.
     *
     * @param configured {@code fenestra.dism.path}: the folder holding DismApi (or the library file itself), or {@code null}
     * @param windows whether this is Windows (the ADK and the system DismApi.dll exist only there)
     * @param adkKitsRoot the ADK's registered root ({@code C:\Program Files (x86)\Windows Kits\10\}), if any
     * @param arch {@code os.arch} of this JVM
     */
    public static List<Candidate> candidates(Path configured, boolean windows, Optional<Path> adkKitsRoot,
            String arch) {
        String fileName = windows ? "DismApi.dll" : System.mapLibraryName(SYSTEM_LIBRARY_NAME);
        List<Candidate> candidates = new ArrayList<>();
        if (configured != null) {
            Path file = Files.isDirectory(configured) ? configured.resolve(fileName) : configured;
            candidates.add(new Candidate(file, "fenestra.dism.path"));
        }
        if (windows) {
            adkKitsRoot.ifPresent(root -> candidates.add(new Candidate(root.resolve("Assessment and Deployment Kit")
                    .resolve("Deployment Tools").resolve(adkArchitecture(arch)).resolve("DISM").resolve(fileName),
                    "Windows ADK")));
            candidates.add(new Candidate(null, "the system's DismApi.dll"));
        }
        return List.copyOf(candidates);
    }

    /** The ADK's folder name for this JVM's architecture. */
    static String adkArchitecture(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> "x86";
        };
    }
}
