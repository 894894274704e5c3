package org.fenestra.servicing.api;

import java.util.Objects;

/**
 * What became of one update in a run.
 *
 * @param servicer the servicer that applied (or tried) it; empty when none was asked
 * @param detail   the servicer's summary, the error, or why it was not applied
 * @since 0.1
 */
public record UpdateResult(String updateId, Outcome outcome, String servicer, String detail) {

    /** @since 0.1 */
    public enum Outcome {
        APPLIED,
        FAILED,
        /** No servicer present can apply this package type ("not applied: this update type needs the DISM servicer"). */
        NOT_SUPPORTED,
        /** Not tried: superseded (with optimize), or the run stopped before it. */
        SKIPPED
    }

    public UpdateResult {
        Objects.requireNonNull(updateId, "updateId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(servicer, "servicer");
        Objects.requireNonNull(detail, "detail");
    }
}
