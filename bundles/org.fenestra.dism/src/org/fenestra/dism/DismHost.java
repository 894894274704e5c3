package org.fenestra.dism;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.fenestra.dism.internal.NativeDismHosts;

/**
 * DISM in this process. DISM allows one {@code DismInitialize} per process: every
 * {@link #start} shares that one initialisation (from the same DismApi.dll), and the last
 * {@link #close} shuts DISM down. Thread-safe: calls on different sessions run in parallel,
 * calls on one session one after another.
 *
 * @since 0.1
 */
public interface DismHost extends AutoCloseable {

    /**
     * Loads DismApi.dll ({@link DismHostOptions#libraryFolder()} first, then the ADK's registered
     * folder on Windows, then the system's) and initialises DISM, or joins the running DISM (whose
     * log settings stay those of the host that initialised it).
     *
     * @throws DismUnavailableException when no DismApi loads (every place tried is named), or DISM
     *         already runs in this process from another library
     */
    static DismHost start(DismHostOptions options) throws DismException {
        return NativeDismHosts.start(options);
    }

    /**
     * Loads DismApi from the places {@link #start} tries, without initialising DISM: whether DISM
     * can be used in this process at all (the DISM servicer is offered only where it can).
     *
     * @return the library file that loaded
     * @throws DismUnavailableException when no DismApi loads (every place tried is named)
     */
    static Path probe(DismHostOptions options) throws DismUnavailableException {
        return NativeDismHosts.probe(options);
    }

    /** The DismApi library this host loaded. */
    Path library();

    /**
     * The loaded DismApi.dll's file version (Windows); empty where the library carries none (the
     * stand-in). {@link DismVersionCheck} compares it with an image's before servicing.
     */
    Optional<WindowsVersion> version();

    /** Mounts image {@code index} of {@code imageFile} in the empty folder {@code mountPath}. */
    DismCompletion mountImage(String imageFile, int index, String mountPath, MountMode mode, DismProgress progress)
            throws DismException;

    /** Unmounts the image at {@code mountPath}, writing or dropping its changes. */
    DismCompletion unmountImage(String mountPath, UnmountMode mode, DismProgress progress) throws DismException;

    /** Opens a servicing session on a mounted image (or an applied Windows folder). */
    DismImageSession openSession(String imagePath) throws DismException;

    /** The images in a WIM (or VHD). */
    List<ImageInfo> imageInfo(String imageFile) throws DismException;

    /** The images DISM has mounted on this machine. */
    List<MountedImage> mountedImages() throws DismException;

    /** Removes what stale mounts (an interrupted run) left behind ({@code DismCleanupMountpoints}). */
    void cleanupMountpoints() throws DismException;

    /** Closes this host's open sessions; the last host of the process shuts DISM down. Idempotent. */
    @Override
    void close() throws DismException;
}
