package org.fenestra.servicing.api;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.fenestra.updates.api.PackageType;
import org.fenestra.wim.model.WimProgress;

/**
 * Applies update packages to one index of a WIM file that is a working copy (servicing never
 * hands a servicer the catalog's own file). Published as a DS service; implementations: the
 * portable servicer (Fenestra packages, on Fenestra's WIM engine, everywhere) and the DISM
 * servicer (CBS, MSU and PSFX packages, through DismApi.dll, on Windows only).
 *
 * <p>The shape follows DISM's own calls so both fit: {@link #open} is {@code DismMountImage} +
 * {@code DismOpenSession}, {@link ServicingSession#addPackage} is {@code DismAddPackage},
 * {@link ServicingSession#packages} is {@code DismGetPackages}, {@link ServicingSession#cleanupComponents}
 * is {@code _DismCleanImage} (StartComponentCleanup /ResetBase), {@link ServicingSession#commit} and
 * {@link ServicingSession#discard} are {@code DismUnmountImage} with commit or discard. Every long
 * call reports to its {@link WimProgress} and stops with {@link ServicingException.Reason#CANCELLED}
 * when the monitor asks.
 *
 * @since 0.1
 */
public interface ImageServicer {

    /** A short name for logs and status: {@code portable}, {@code dism}. */
    String name();

    /** Higher is preferred when several servicers support a package type (DISM above portable). */
    int priority();

    /**
     * Whether this servicer can add packages of {@code type}, and if not, why in words an admin
     * reads in the servicing log ("this update type needs the DISM servicer on a Windows site server").
     */
    Support supports(PackageType type);

    /**
     * Opens image {@code index} (1-based) of {@code wimFile} for servicing. The servicer may keep
     * what it needs (a mount folder, extracted payloads) below {@code workFolder}, which exists and
     * is the servicer's own until the session is closed.
     *
     * @throws ServicingException BAD_IMAGE (not a WIM, no such index, damaged), IO, CANCELLED
     */
    ServicingSession open(Path wimFile, int index, Path workFolder, WimProgress progress) throws ServicingException;

    /**
     * {@link #open}, with the run's servicing log: the servicer writes its own lines there (what it
     * mounted, what its engine said, as DISM's {@code dism.log}) for as long as the session lasts.
     * The default drops them, for servicers that have nothing to say beyond the session's results.
     *
     * @param log takes one line at a time; called on the caller's thread or the servicer's
     * @since 0.1
     */
    default ServicingSession open(Path wimFile, int index, Path workFolder, WimProgress progress, Consumer<String> log)
            throws ServicingException {
        return open(wimFile, index, workFolder, progress);
    }

    /** Whether a servicer supports a package type; {@code reason} says why not (empty when it does). */
    record Support(boolean supported, String reason) {
        public static final Support YES = new Support(true, "");

        public static Support no(String reason) {
            return new Support(false, reason);
        }
    }
}
