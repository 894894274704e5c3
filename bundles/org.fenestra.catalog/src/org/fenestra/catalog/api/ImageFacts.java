package org.fenestra.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * What an OS image says about itself in its own registry (its SOFTWARE and SYSTEM hives), read
 * at import. Unknown texts are empty and unknown numbers -1: an image without hives (not a
 * Windows tree) has {@link #UNKNOWN} facts.
 *
 * @param productName      {@code ProductName}, e.g. {@code Windows 10 Enterprise}
 * @param editionId        {@code EditionID}, e.g. {@code Enterprise}
 * @param installationType {@code InstallationType}: {@code Client}, {@code Server}, {@code Server Core}, ...
 * @param build            {@code CurrentBuildNumber}, e.g. 26100
 * @param ubr              the update build revision ({@code UBR}), e.g. 4317
 * @param displayVersion   {@code DisplayVersion}, e.g. {@code 24H2}
 * @param languages        the installed UI languages, e.g. {@code [de-DE, en-US]}
 * @since 0.1
 */
public record ImageFacts(String productName, String editionId, String installationType, long build, long ubr,
        String displayVersion, List<String> languages) {

    /** Nothing known. */
    public static final ImageFacts UNKNOWN = new ImageFacts("", "", "", -1, -1, "", List.of());

    public ImageFacts {
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(editionId, "editionId");
        Objects.requireNonNull(installationType, "installationType");
        Objects.requireNonNull(displayVersion, "displayVersion");
        languages = List.copyOf(languages);
        build = Math.max(-1, build);
        ubr = Math.max(-1, ubr);
    }

    /** Whether anything is known. */
    public boolean isKnown() {
        return !equals(UNKNOWN);
    }

    /** {@code 26100.4317}, {@code 26100}, or {@code unknown}. */
    public String buildText() {
        if (build < 0) {
            return "unknown";
        }
        return ubr < 0 ? Long.toString(build) : build + "." + ubr;
    }

    /** A text fact for display: {@code unknown} when empty. */
    public static String shown(String fact) {
        return fact.isEmpty() ? "unknown" : fact;
    }
}
