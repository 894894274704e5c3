package org.fenestra.distribution.api;

import java.time.Instant;
import java.util.List;

/**
 * A deployment of an image to clients, as far as distribution needs it: which image, to which
 * clients, and whether the task sequence downloads content locally when needed (a client that
 * runs content from the DP instead cannot take an image sent only by multicast).
 *
 * @param id            {@code DEP00001}, …
 * @param targetClients client names or a collection's name
 * @since 0.1
 */
public record Deployment(String id, String imageId, List<String> targetClients, boolean downloadLocally,
        Instant createdAt) {

    public Deployment {
        targetClients = List.copyOf(targetClients);
    }
}
