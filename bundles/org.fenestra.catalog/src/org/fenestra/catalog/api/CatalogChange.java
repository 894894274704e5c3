package org.fenestra.catalog.api;

import java.util.Objects;

/**
 * One committed change of the catalog.
 *
 * @param kind    what happened
 * @param imageId the OS image it happened to
 * @since 0.1
 */
public record CatalogChange(Kind kind, String imageId) {

    /** @since 0.1 */
    public enum Kind {
        ADDED,
        UPDATED,
        REMOVED
    }

    public CatalogChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(imageId, "imageId");
    }
}
