package org.fenestra.updates.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A package an OS image holds.
 *
 * @param identity    its package identity, as the image's {@code Windows/servicing/Packages/*.mum} writes it
 * @param articleId   its KB article, or empty
 * @param releaseType e.g. {@code Security Update}; empty when unknown
 * @param origin      found in the image at import (or a rescan), or applied by Fenestra's servicing since
 * @param recordedAt  when it was recorded
 * @param updateId    the catalog's {@link UpdatePackage#id()} that servicing applied; empty for packages found in the image
 * @since 0.1
 */
public record InstalledUpdate(PackageIdentity identity, String articleId, String releaseType, Origin origin,
        Instant recordedAt, String updateId) {

    /** @since 0.1 */
    public enum Origin {
        /** Read from the image's servicing packages at import or by a rescan. */
        IN_IMAGE,
        /** Applied by Fenestra's servicing after the import. */
        APPLIED
    }

    public InstalledUpdate {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(releaseType, "releaseType");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(recordedAt, "recordedAt");
        updateId = updateId == null ? "" : updateId;
    }
}
