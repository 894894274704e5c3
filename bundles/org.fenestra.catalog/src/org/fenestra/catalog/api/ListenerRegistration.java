package org.fenestra.catalog.api;

/**
 * A {@link CatalogListener}'s registration; {@link #close()} unregisters it (again is harmless).
 *
 * @since 0.1
 */
public interface ListenerRegistration extends AutoCloseable {

    @Override
    void close();
}
