package org.fenestra.servicing.api;

/**
 * Where a servicing run is (Configuration Manager's *Scheduled Updates Status*).
 *
 * @since 0.1
 */
public enum RunStatus {
    SCHEDULED, IN_PROCESS, SUCCESSFUL, FAILED, CANCELLED
}
