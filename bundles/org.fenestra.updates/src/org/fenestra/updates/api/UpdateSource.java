package org.fenestra.updates.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A folder where admins drop update packages ({@code .msu}, {@code .cab}, {@code .fpkg}).
 *
 * @param name     unique within the site, ignoring case
 * @param path     a local path or a UNC path ({@code \\server\share\packages})
 * @param added    when it was added
 * @param lastSync when the last complete synchronize ended, or null if it never completed
 * @since 0.1
 */
public record UpdateSource(String name, String path, Instant added, Instant lastSync) {

    public UpdateSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(added, "added");
    }
}
