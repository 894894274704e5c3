package org.fenestra.dism;

import java.util.List;

/**
 * A DISM servicing session on one image ({@code DismSession}). When DISM asks for it
 * ({@code DISMAPI_S_RELOAD_IMAGE_SESSION_REQUIRED}) the session is reopened on the same image
 * before the next call, transparently.
 *
 * @since 0.1
 */
public interface DismImageSession extends AutoCloseable {

    /** The image path the session was opened on. */
    String imagePath();

    /**
     * Adds a package (a CBS .cab, an .msu, or a folder of an expanded package).
     *
     * @param ignoreCheck add it without checking it applies
     * @param preventPending refuse packages that leave online actions pending
     * @throws DismPackageNotApplicableException when the package does not apply to the image
     * @throws DismServicingStackRequiredException when the image needs a newer servicing stack first
     */
    DismCompletion addPackage(String packagePath, boolean ignoreCheck, boolean preventPending, DismProgress progress)
            throws DismException;

    /** The packages in the image. */
    List<InstalledPackage> packages() throws DismException;

    /** One package's details, by its name (identity) as {@link #packages()} lists it. */
    PackageInfo packageInfo(String packageName) throws DismException;

    /** One package's details, by the path of the package file. */
    PackageInfo packageInfoOfFile(String packagePath) throws DismException;

    /** Writes the changes so far into the WIM, keeping the image mounted ({@code DismCommitImage}). */
    DismCompletion commit(DismProgress progress) throws DismException;

    /** Whether this DISM exports {@code _DismCleanImage}, which {@link #cleanupComponents} needs. */
    boolean componentCleanupAvailable();

    /**
     * Removes superseded components ({@code /Cleanup-Image /StartComponentCleanup}, with
     * {@code /ResetBase} when asked) through the undocumented {@code _DismCleanImage} export.
     *
     * @throws DismUnavailableException when this DISM does not export it
     */
    DismCompletion cleanupComponents(boolean resetBase, DismProgress progress) throws DismException;

    /** Closes the session ({@code DismCloseSession}); idempotent. */
    @Override
    void close() throws DismException;
}
