package org.fenestra.content.library;

/**
 * Content the library holds after a store: its SHA-256, its size, and whether this store added
 * it (false when the library already held the same bytes and nothing new was written).
 *
 * @since 0.1
 */
public record StoredContent(String sha256, long size, boolean newlyStored) {
}
