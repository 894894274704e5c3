package org.fenestra.updates.api;

/**
 * Whether a package can be added to an image that is not running ({@link UpdatePackage#offlineReason()} says why).
 *
 * @since 0.1
 */
public enum OfflineServiceable {
    YES, NO, UNKNOWN
}
