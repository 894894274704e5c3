package org.fenestra.servicing.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The servicing drive, a site setting: where runs make their work folder
 * ({@code FenestraOfflineImageServicing}). <em>Automatic</em> is the file system of the data folder;
 * a configured folder that does not exist behaves as Automatic (and the run's log says so).
 *
 * @since 0.2
 */
public interface ServicingDrive {

    /** The configured folder as the admin gave it, or empty for Automatic. */
    Optional<String> configured() throws ServicingException;

    /** The folder the next run uses: the configured one when it exists, else the data folder. */
    Path effective() throws ServicingException;

    /**
     * Sets the site's servicing drive: a folder path, or null, blank or {@code automatic} for Automatic.
     *
     * @throws ServicingException INVALID_ARGUMENT for a relative path
     */
    void set(String folder) throws ServicingException;
}
