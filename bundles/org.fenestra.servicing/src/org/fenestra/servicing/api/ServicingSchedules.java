package org.fenestra.servicing.api;

import java.util.List;
import java.util.Optional;

/**
 * Servicing schedules, kept in the site catalog: the site server's scheduler runs them when due
 * (across restarts; among several site servers on one database exactly one takes each run).
 *
 * @since 0.1
 */
public interface ServicingSchedules {

    /**
     * Sets the image's schedule (replacing one it had). Refused like {@link OfflineServicing#serviceNow}
     * would refuse the run (unknown image or updates, optimize on a multi-image WIM), and while a run of
     * the image is in process.
     */
    ServicingSchedule schedule(String imageId, List<String> updateIds, boolean allApplicable, Recurrence recurrence,
            boolean continueOnError, boolean optimize, boolean updateDistributionPoints) throws ServicingException;

    Optional<ServicingSchedule> schedule(String imageId) throws ServicingException;

    /** Every schedule, by image. */
    List<ServicingSchedule> schedules() throws ServicingException;

    /**
     * Cancels the image's schedule: a run in process stops (committing nothing) and the schedule
     * does not run again; status CANCELLED.
     *
     * @return false when the image has no schedule
     */
    boolean cancel(String imageId) throws ServicingException;
}
