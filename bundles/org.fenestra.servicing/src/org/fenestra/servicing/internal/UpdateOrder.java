package org.fenestra.servicing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.fenestra.updates.api.UpdatePackage;

/**
 * The order servicing applies updates in: servicing-stack updates first (a cumulative update
 * may need the new stack), then cumulative updates, then the rest; within each, by release date,
 * then as selected. With optimize, an update superseded by another selected one is left out.
 */
final class UpdateOrder {

    private UpdateOrder() {
    }

    static List<UpdatePackage> order(List<UpdatePackage> selected) {
        List<UpdatePackage> ordered = new ArrayList<>(selected);
        ordered.sort(Comparator.comparingInt(UpdateOrder::rank).thenComparing(UpdatePackage::releaseDate,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return ordered;
    }

    /** The selected updates that another selected update supersedes. */
    static Set<String> supersededWithin(List<UpdatePackage> selected) {
        Set<String> ids = selected.stream().map(UpdatePackage::id).collect(Collectors.toSet());
        return selected.stream().filter(u -> u.supersededBy().stream().anyMatch(ids::contains)).map(UpdatePackage::id)
                .collect(Collectors.toSet());
    }

    private static int rank(UpdatePackage update) {
        String name = update.identity() == null ? "" : update.identity().name().toLowerCase(Locale.ROOT);
        if (name.contains("servicingstack")) {
            return 0;
        }
        if (name.contains("rollupfix") || update.classification().toLowerCase(Locale.ROOT).contains("security")) {
            return 1;
        }
        return 2;
    }
}
