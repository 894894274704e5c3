package org.fenestra.servicing.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One servicing run of an image: a row of the image's servicing history.
 *
 * @param updates     the updates in the order servicing took them, with their outcome
 * @param sizeBefore  the image's WIM size before the run
 * @param sizeAfter   its size after (equal to before when nothing was committed)
 * @param message     the run's result in a sentence ("2 updates applied", the first failure, "cancelled")
 * @param logFile     the run's servicing log
 * @since 0.1
 */
public record ServicingRun(long runId, String imageId, RunStatus status, int percentDone, boolean continueOnError,
        boolean optimize, Instant startedAt, Instant endedAt, long sizeBefore, long sizeAfter, int filesAdded,
        int filesChanged, int filesRemoved, List<UpdateResult> updates, String message, String logFile) {

    public ServicingRun {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        updates = List.copyOf(updates);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(logFile, "logFile");
    }

    /** How many updates were applied. */
    public long applied() {
        return updates.stream().filter(u -> u.outcome() == UpdateResult.Outcome.APPLIED).count();
    }
}
