package org.fenestra.updates.api;

/**
 * What a list of updates shows, as the Schedule Updates wizard's <i>Choose Updates</i> page
 * filters it.
 *
 * @param text               shown when it occurs in the metadata, ignoring case ({@link UpdatePackage#matchesText}); blank = all
 * @param architecture       X86, X64, ARM64 or null for all (neutral packages are shown for each)
 * @param includeSuperseded  also list superseded packages
 * @param includeExpired     also list packages gone from their source
 * @since 0.1
 */
public record UpdateFilter(String text, UpdateArchitecture architecture, boolean includeSuperseded, boolean includeExpired) {

    /** Every non-expired, non-superseded package. */
    public static final UpdateFilter ALL = new UpdateFilter("", null, false, false);

    public UpdateFilter {
        text = text == null ? "" : text;
    }

    public boolean accepts(UpdatePackage update) {
        return (includeSuperseded || !update.superseded())
                && (includeExpired || update.state() != UpdateState.EXPIRED)
                && (architecture == null || update.architecture() == architecture
                        || update.architecture() == UpdateArchitecture.NEUTRAL)
                && update.matchesText(text);
    }
}
