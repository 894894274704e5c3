package org.fenestra.dism;

/**
 * How a DISM operation that succeeded ended.
 *
 * @since 0.1
 */
public enum DismCompletion {
    COMPLETED,
    /** Done, but the image needs a restart to finish ({@code ERROR_SUCCESS_REBOOT_REQUIRED}): not a failure. */
    RESTART_REQUIRED
}
