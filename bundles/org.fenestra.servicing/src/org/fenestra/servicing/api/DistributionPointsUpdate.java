package org.fenestra.servicing.api;

import java.util.List;

/**
 * What updating the distribution points after servicing did, one line per DP in an admin's words.
 *
 * @param installed the DPs that hold the new version now, each with what was sent
 *                  ("DP01: Installed (version 2); 0.1 MB sent (WIM delta; 1.2% of 8.4 MB)")
 * @param failed    the DPs that do not, each with the reason
 * @since 0.2
 */
public record DistributionPointsUpdate(List<String> installed, List<String> failed) {

    public DistributionPointsUpdate {
        installed = List.copyOf(installed);
        failed = List.copyOf(failed);
    }

    /** For the run's history: "distribution points: 2 updated, 1 failed", or that the image is on none. */
    public String summary() {
        if (installed.isEmpty() && failed.isEmpty()) {
            return "distribution points: the image is on none, nothing to update";
        }
        return "distribution points: " + installed.size() + " updated" + (failed.isEmpty() ? "" : ", " + failed.size()
                + " failed (" + String.join("; ", failed) + ")");
    }
}
