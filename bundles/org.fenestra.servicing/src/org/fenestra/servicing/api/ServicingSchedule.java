package org.fenestra.servicing.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An image's servicing schedule (one per image): what to apply, when, and how the last run went.
 *
 * @param updateIds     the updates; empty with {@code allApplicable}
 * @param allApplicable every downloaded update applicable to the image when the run starts
 * @param nextRun       when it runs next; null when it will not run again
 * @param status        SCHEDULED, IN_PROCESS (with {@code percentDone}), then the last run's result
 * @param lastRunId     the last run ({@link OfflineServicing#history}); 0 when none yet
 * @param updateDistributionPoints stored and reported; not available until distribution exists
 * @since 0.1
 */
public record ServicingSchedule(String imageId, List<String> updateIds, boolean allApplicable, Recurrence recurrence,
        Instant nextRun, boolean continueOnError, boolean optimize, boolean updateDistributionPoints, RunStatus status,
        int percentDone, long lastRunId, String message) {

    public ServicingSchedule {
        Objects.requireNonNull(imageId, "imageId");
        updateIds = List.copyOf(updateIds);
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
