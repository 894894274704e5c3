package org.fenestra.dism.internal;

import java.nio.file.Path;

import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismHostOptions;
import org.fenestra.dism.DismUnavailableException;
import org.fenestra.dism.internal.binding.Utf16String;

/**
 * The process's one DISM: {@code DismInitialize} on the first {@link #start}, {@code DismShutdown}
 * when the last host closes. DISM allows one initialisation per process, so every host shares it.
 */
public final class NativeDismHosts {

    private static final System.Logger LOG = DismLog.LOG;
    private static final Object LOCK = new Object();

    private static LoadedDismApi running;
    private static int hosts;

    private NativeDismHosts() {
    }

    /** Loads DismApi without initialising it; the running one when it is the library asked for. */
    public static Path probe(DismHostOptions options) throws DismUnavailableException {
        synchronized (LOCK) {
            if (running != null && (options.libraryFolder() == null || sameLibrary(running, options.libraryFolder()))) {
                return running.file();
            }
            return DismApiLoader.load(options.libraryFolder()).file();
        }
    }

    public static DismHost start(DismHostOptions options) throws DismException {
        synchronized (LOCK) {
            if (running == null) {
                LoadedDismApi loaded = DismApiLoader.load(options.libraryFolder());
                DismCalls calls = new DismCalls(loaded.api());
                try (Utf16String logFile = Utf16String.of(options.logFile());
                        Utf16String scratch = Utf16String.of(options.scratchDirectory())) {
                    calls.check("DismInitialize",
                            loaded.api().DismInitialize(options.logLevel().ordinal(), logFile, scratch));
                }
                LOG.log(System.Logger.Level.INFO, "DISM initialised from {0}", loaded.file());
                running = loaded;
            } else if (options.libraryFolder() != null && !sameLibrary(running, options.libraryFolder())) {
                throw new DismUnavailableException("DISM already runs in this process from " + running.file()
                        + " and cannot also be loaded from " + options.libraryFolder()
                        + " (DISM allows one initialisation per process)");
            }
            hosts++;
            return new NativeDismHost(running, new DismCalls(running.api()));
        }
    }

    private static boolean sameLibrary(LoadedDismApi loaded, Path requested) {
        Path file = loaded.file().toAbsolutePath().normalize();
        Path folder = requested.toAbsolutePath().normalize();
        return file.equals(folder) || folder.equals(file.getParent());
    }

    /** Called once by each host's close: the last one shuts DISM down. */
    static void release(DismCalls calls) throws DismException {
        synchronized (LOCK) {
            hosts--;
            if (hosts == 0) {
                running = null;
                calls.check("DismShutdown", calls.api().DismShutdown());
                LOG.log(System.Logger.Level.INFO, "DISM shut down");
            }
        }
    }
}
