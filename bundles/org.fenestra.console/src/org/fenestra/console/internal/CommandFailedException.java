package org.fenestra.console.internal;

/**
 * A console command ran but its outcome is a failure; the message is the full output the
 * admin should see. The one-shot runner turns it into a non-zero exit status.
 */
public final class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }
}
