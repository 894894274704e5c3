package org.fenestra.wim.internal.cli;

/**
 * A command refused as wimlib-imagex refuses it with {@code imagex_error}: an "ERROR: ..." line
 * and an exit code, without the usage text.
 */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
