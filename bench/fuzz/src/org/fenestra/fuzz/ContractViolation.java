package org.fenestra.fuzz;

/**
 * A broken promise of the engine that no exception would reveal by itself: an unchecked
 * exception hidden as the cause of a checked one, a write outside the output range, or a
 * decoder that answers differently the second time. Jazzer reports it like any uncaught
 * throwable; the cause (when any) carries the original stack trace.
 */
final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }

    ContractViolation(String message) {
        super(message);
    }
}
