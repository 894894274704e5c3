package org.fenestra.distribution.api;

import java.time.Instant;

/**
 * Where an image's content stands on one DP.
 *
 * @param percent        how much of the content has arrived (IN_PROGRESS), 100 when INSTALLED
 * @param contentVersion the package version installed, 0 when none is
 * @param reason         why it FAILED, in words; empty otherwise
 * @since 0.1
 */
public record ContentStatus(String imageId, String dpName, State state, int percent, int contentVersion,
        String reason, Instant updatedAt) {

    /** The states Configuration Manager shows for content on a DP. */
    public enum State {
        WAITING, IN_PROGRESS, INSTALLED, FAILED
    }

    /** "Installed (version 2)", "In Progress (45%)", "Failed: reason", "Waiting". */
    public String describe() {
        return switch (state) {
            case WAITING -> "Waiting";
            case IN_PROGRESS -> "In Progress (" + percent + "%)";
            case INSTALLED -> "Installed (version " + contentVersion + ")";
            case FAILED -> "Failed: " + reason;
        };
    }
}
