package org.fenestra.servicing.api;

import java.util.List;

import org.fenestra.wim.model.WimProgress;

/**
 * The servicing pipeline, as an OSGi service: applies downloaded updates to a servicing target of
 * the catalog (an OS image, or an OS upgrade package's {@code sources/install.wim}; every "image"
 * and "image ID" below may be either) through the best servicer for each, and swaps the serviced WIM in only when the whole
 * run succeeded. The catalog's file is never edited in place: a failed or cancelled run leaves
 * it byte-identical.
 *
 * @since 0.1
 */
public interface OfflineServicing {

    /**
     * Runs servicing now, in the calling thread, and returns the finished run (successful, failed
     * or cancelled; its log file says what happened). Refused before anything starts when the
     * request cannot be run.
     *
     * @throws ServicingException NO_SUCH_IMAGE, NO_SUCH_UPDATE, NOT_DOWNLOADED, OPTIMIZE_REFUSED,
     *                            BUSY (a run of this image is in process), NO_SPACE, INVALID_ARGUMENT
     */
    ServicingRun serviceNow(ServicingRequest request, WimProgress progress) throws ServicingException;

    /**
     * Asks the image's run in process to stop, whichever site server runs it; the run notices within
     * a second, commits nothing and ends CANCELLED.
     *
     * @return false when no run of the image is in process
     */
    boolean cancel(String imageId) throws ServicingException;

    /** The image's runs, newest first. */
    List<ServicingRun> history(String imageId) throws ServicingException;

    /**
     * Ends the runs that site servers which are gone (their lease expired) left in process: one whose
     * journaled commit happened is recorded as committed, every other one failed (interrupted). Runs at
     * start and before every run; a scheduler calls it before it reads how a gone server's run ended.
     * A run the catalog still refuses to record stays in process for the next call.
     *
     * @since 0.2
     */
    void recoverInterrupted() throws ServicingException;
}
