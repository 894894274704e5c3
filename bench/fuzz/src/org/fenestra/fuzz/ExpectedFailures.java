package org.fenestra.fuzz;

import java.io.IOException;

/**
 * The contract on hostile input: the engine may only fail with a checked {@link IOException}
 * ({@code WimException}, {@code CorruptChunkException}, ...). Unchecked exceptions and errors
 * simply propagate to Jazzer; this class also catches the ones wrapped into a checked
 * exception (the WIM reader wraps decoder {@code RuntimeException}s into
 * {@code WimDecompressionException}, which would otherwise hide decoder bugs).
 */
final class ExpectedFailures {
    private ExpectedFailures() {
    }

    /** Returns normally if {@code e} is an allowed failure, else throws a {@link ContractViolation}. */
    static void check(IOException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RuntimeException || t instanceof Error) {
                throw new ContractViolation("unchecked " + t.getClass().getName() + " wrapped in "
                        + e.getClass().getName() + ": " + e.getMessage(), t);
            }
        }
    }
}
