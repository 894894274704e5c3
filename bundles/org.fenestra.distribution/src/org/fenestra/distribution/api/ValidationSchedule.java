package org.fenestra.distribution.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the site validates content by itself: every DP ({@link #dpName()} empty) or one DP, every
 * {@code interval}. A run has each DP in scope hash every image it holds again; damage sets the
 * image's status on that DP to Failed, naming each file and what was expected.
 *
 * @param lastRun    when it last ran, empty before its first run
 * @param lastResult what the last run found, in words; empty before its first run
 * @since 0.2
 */
public record ValidationSchedule(String dpName, Duration interval, Instant nextRun, Optional<Instant> lastRun,
        String lastResult) {

    public boolean siteWide() {
        return dpName.isEmpty();
    }
}
