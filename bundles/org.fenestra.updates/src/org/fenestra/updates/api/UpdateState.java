package org.fenestra.updates.api;

/**
 * Where a package's content is.
 *
 * @since 0.1
 */
public enum UpdateState {
    /** In its update source, not yet in the content library. */
    AVAILABLE,
    /** Copied into the site's content library (verified by SHA-256). */
    DOWNLOADED,
    /** Gone from its update source at the last synchronize; kept for the history of images. */
    EXPIRED
}
