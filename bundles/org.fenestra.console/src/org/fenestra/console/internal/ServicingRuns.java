package org.fenestra.console.internal;

import org.fenestra.catalog.api.ByteSize;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.UpdateResult;

/** How the console shows a servicing run: its result line, then one row per update. */
final class ServicingRuns {

    private ServicingRuns() {
    }

    static String describe(ServicingRun run) {
        TextTable table = new TextTable("UPDATE", "RESULT", "SERVICER", "DETAIL");
        for (UpdateResult update : run.updates()) {
            table.row(update.updateId(), update.outcome(), update.servicer(), update.detail());
        }
        return run.imageId() + " run " + run.runId() + ": " + run.status() + " - " + run.message() + System.lineSeparator()
                + "size " + ByteSize.text(run.sizeBefore()) + " -> " + ByteSize.text(run.sizeAfter()) + "; files "
                + run.filesAdded() + " added, " + run.filesChanged() + " changed, " + run.filesRemoved() + " removed; log "
                + run.logFile() + System.lineSeparator() + table.format();
    }
}
