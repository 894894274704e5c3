package org.fenestra.dism.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import org.fenestra.dism.DismUnavailableException;
import org.fenestra.dism.internal.binding.DismApiLibrary;

/** Loads DismApi from the first of {@link DismLibraryLocator}'s places that works, naming every failure. */
final class DismApiLoader {

    private static final System.Logger LOG = DismLog.LOG;

    private DismApiLoader() {
    }

    static LoadedDismApi load(Path configuredFolder) throws DismUnavailableException {
        Optional<Path> kitsRoot = Platform.isWindows() ? WindowsAdkRegistry.kitsRoot10() : Optional.empty();
        List<DismLibraryLocator.Candidate> candidates = DismLibraryLocator.candidates(configuredFolder,
                Platform.isWindows(), kitsRoot, System.getProperty("os.arch"));
        if (candidates.isEmpty()) {
            throw new DismUnavailableException("DISM is not available: it runs on Windows only, and "
                    + "fenestra.dism.path names no DismApi library for this system");
        }
        List<String> failures = new ArrayList<>();
        for (DismLibraryLocator.Candidate candidate : candidates) {
            try {
                LoadedDismApi loaded = load(candidate);
                if (!failures.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "DISM loaded from {0} after: {1}", loaded.file(),
                            String.join("; ", failures));
                }
                return loaded;
            } catch (UnsatisfiedLinkError | IllegalStateException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        throw new DismUnavailableException("DismApi did not load from any place tried: " + String.join("; ", failures));
    }

    private static LoadedDismApi load(DismLibraryLocator.Candidate candidate) {
        if (!candidate.isSystem() && !Files.isRegularFile(candidate.file())) {
            throw new IllegalStateException("no such file");
        }
        // A full path makes Windows load DismApi.dll's own DLLs from its folder (JNA loads it with
        // LOAD_WITH_ALTERED_SEARCH_PATH), which an ADK's DISM needs.
        String name = candidate.isSystem() ? DismLibraryLocator.SYSTEM_LIBRARY_NAME
                : candidate.file().toAbsolutePath().toString();
        NativeLibrary library = NativeLibrary.getInstance(name);
        DismApiLibrary api = Native.load(name, DismApiLibrary.class);
        File file = library.getFile();
        Path path = file != null ? file.toPath() : candidate.isSystem() ? Path.of(name) : candidate.file();
        return new LoadedDismApi(api, library, path);
    }
}
