package org.fenestra.servicing.api;

import java.nio.file.Path;
import java.util.List;

import org.fenestra.wim.model.WimProgress;

/**
 * One opened image index of a working-copy WIM. Until {@link #commit} the WIM file is as it was
 * when opened: {@link #discard} (and {@link #close} without a commit) leave it byte-identical.
 * A session is used by one thread at a time.
 *
 * @since 0.1
 */
public interface ServicingSession extends AutoCloseable {

    /** The WIM file being serviced. */
    Path wimFile();

    /** The image index being serviced (1-based). */
    int index();

    /**
     * Adds one package. All or nothing: a package that fails or is cancelled leaves the image as
     * it was before this call (packages added before it stay added). A package type this servicer
     * cannot apply is not an error: the outcome is {@link PackageOutcome.Result#NOT_SUPPORTED} with
     * the reason, and nothing changes.
     *
     * @throws ServicingException BAD_PACKAGE, NOT_APPLICABLE, IO, CANCELLED, CLOSED
     */
    PackageOutcome addPackage(ServicingPackage pkg, WimProgress progress) throws ServicingException;

    /** The packages the image holds now (those added in this session included), by identity. */
    List<ImagePackage> packages() throws ServicingException;

    /**
     * Component cleanup (DISM's StartComponentCleanup /ResetBase): drops superseded component
     * versions. Returns false, changing nothing, where the servicer has no such thing.
     *
     * @throws ServicingException IO, CANCELLED, CLOSED
     */
    boolean cleanupComponents(WimProgress progress) throws ServicingException;

    /**
     * Writes what was added into the WIM file and ends the session. Afterwards the file is a valid
     * WIM holding every package added.
     *
     * @throws ServicingException IO, CANCELLED (the file then is as it was when opened), CLOSED
     */
    void commit(WimProgress progress) throws ServicingException;

    /** Drops every change and ends the session: the WIM file is byte-identical to when it was opened. */
    void discard() throws ServicingException;

    /** Discards unless committed; closing twice does nothing. */
    @Override
    void close() throws ServicingException;
}
