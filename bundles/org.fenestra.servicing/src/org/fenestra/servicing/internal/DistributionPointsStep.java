package org.fenestra.servicing.internal;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.servicing.api.DistributionPointUpdater;
import org.fenestra.servicing.api.DistributionPointsUpdate;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.wim.model.WimProgress;

/**
 * The pipeline's last step: when the request asked for it and the run committed, sends the new
 * version to the distribution points holding the image through the {@link DistributionPointUpdater}
 * (absent: "not available"), writes each DP's outcome to the run's log and appends the summary to
 * the run's message in its history. The servicing is done by then: whatever happens here leaves the
 * run's status as it was.
 */
final class DistributionPointsStep {

    static final String NOT_AVAILABLE = "updating distribution points is not available (the distribution service is not installed)";

    private final SiteDatabase database;
    private final ServicingRunTable runs;

    DistributionPointsStep(SiteDatabase database, ServicingRunTable runs) {
        this.database = database;
        this.runs = runs;
    }

    ServicingRun after(ServicingRequest request, ServicingRun run, DistributionPointUpdater updater, ServicingLog log,
            WimProgress progress) {
        if (!request.updateDistributionPoints() || !committed(request, run)) {
            return run;
        }
        String outcome;
        if (updater == null) {
            outcome = NOT_AVAILABLE;
            log.error(outcome);
        } else {
            log.info("updating the distribution points holding " + run.imageId() + " with the new version");
            try {
                DistributionPointsUpdate update = updater.updateDistributionPoints(run.imageId(), progress);
                update.installed().forEach(log::info);
                update.failed().forEach(log::error);
                outcome = update.summary();
            } catch (ServicingException | RuntimeException e) {
                outcome = "updating distribution points failed: " + e.getMessage();
            }
            log.info(outcome);
        }
        ServicingRun updated = new ServicingRun(run.runId(), run.imageId(), run.status(), run.percentDone(),
                run.continueOnError(), run.optimize(), run.startedAt(), run.endedAt(), run.sizeBefore(), run.sizeAfter(),
                run.filesAdded(), run.filesChanged(), run.filesRemoved(), run.updates(), run.message() + "; " + outcome,
                run.logFile());
        try {
            database.inTransaction("record the distribution points of run " + run.runId(), connection -> {
                runs.message(connection, run.runId(), updated.message());
                return null;
            });
        } catch (CatalogException e) {
            log.error("recording the distribution points' outcome failed: " + e.getMessage());
        }
        return updated;
    }

    /**
     * Whether the run replaced the image's WIM: successful, or failed with continue on error after at
     * least one update applied (what applied is committed then); every other ending committed nothing.
     */
    static boolean committed(ServicingRequest request, ServicingRun run) {
        return run.status() == RunStatus.SUCCESSFUL
                || run.status() == RunStatus.FAILED && request.continueOnError() && run.applied() > 0;
    }
}
