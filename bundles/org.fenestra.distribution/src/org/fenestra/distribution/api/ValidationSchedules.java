package org.fenestra.distribution.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Content validation on a schedule, site-wide or per DP, stored in the site database and run by
 * the site server (a DP's own schedule and the site-wide one both apply to it).
 *
 * @since 0.2
 */
public interface ValidationSchedules {

    /**
     * Sets the schedule of one DP, or with {@code dpName} empty the site-wide one; the first run is
     * at {@code firstRun}, then every {@code interval} (at least a minute).
     */
    ValidationSchedule set(String dpName, Duration interval, Instant firstRun) throws DistributionException;

    /** Removes the DP's schedule (empty: the site-wide one); false when there was none. */
    boolean remove(String dpName) throws DistributionException;

    List<ValidationSchedule> list() throws DistributionException;

    /**
     * Runs the schedules due at {@code now}; returns how many ran. What they found is in each
     * schedule's last result and in the content status. The site server calls this every
     * {@code fenestra.distribution.validationTickSeconds} (60).
     */
    int runDue(Instant now) throws DistributionException;
}
