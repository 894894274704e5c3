package org.fenestra.updates.api;

import java.util.List;

/**
 * What a synchronize did.
 *
 * @param sources   the sources synchronized
 * @param added     packages new in the catalog
 * @param changed   packages whose file changed and was read again
 * @param unchanged files not read (same size and time, or same hash)
 * @param expired   packages whose file is gone
 * @param filesRead package files opened and read (hashed or parsed): 0 on a re-sync with nothing changed
 * @param problems  files that could not be read, each with its typed error; nothing was recorded for them
 * @since 0.1
 */
public record SyncResult(List<String> sources, int added, int changed, int unchanged, int expired, int filesRead,
        List<UpdateException> problems) {

    public SyncResult {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }
}
