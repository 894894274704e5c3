package org.fenestra.distribution.internal.dp;

/** A request the DP answers with an error status and a sentence saying why. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
