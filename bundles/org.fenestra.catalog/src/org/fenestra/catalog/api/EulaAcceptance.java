package org.fenestra.catalog.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Who accepted an OS image's license terms, and when.
 * <p>
 * The time is kept to the microsecond, the precision both supported databases store, so a
 * record reads back equal to what was written.
 *
 * @param user       the account that accepted, e.g. {@code CONTOSO\admin}
 * @param acceptedAt when
 * @since 0.1
 */
public record EulaAcceptance(String user, Instant acceptedAt) {

    public EulaAcceptance {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the EULA acceptance needs the accepting user");
        }
        acceptedAt = Objects.requireNonNull(acceptedAt, "acceptedAt").truncatedTo(ChronoUnit.MICROS);
    }
}
