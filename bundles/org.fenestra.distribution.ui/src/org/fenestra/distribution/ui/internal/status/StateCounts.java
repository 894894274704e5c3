package org.fenestra.distribution.ui.internal.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;

/** How many content statuses are in each state: an image's over its DPs, or a DP's over its images. */
public final class StateCounts {

    private final Map<State, Integer> counts = new EnumMap<>(State.class);

    public static StateCounts of(Collection<ContentStatus> statuses) {
        StateCounts result = new StateCounts();
        statuses.forEach(result::add);
        return result;
    }

    public void add(ContentStatus status) {
        counts.merge(status.state(), 1, Integer::sum);
    }

    public int count(State state) {
        return counts.getOrDefault(state, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "2 Installed, 1 Failed"; "No content" when there is none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (State state : List.of(State.INSTALLED, State.IN_PROGRESS, State.WAITING, State.FAILED)) {
            if (count(state) > 0) {
                parts.add(count(state) + " " + label(state));
            }
        }
        return parts.isEmpty() ? "No content" : String.join(", ", parts);
    }

    /** The state as Configuration Manager names it. */
    public static String label(State state) {
        return switch (state) {
            case WAITING -> "Waiting";
            case IN_PROGRESS -> "In Progress";
            case INSTALLED -> "Installed";
            case FAILED -> "Failed";
        };
    }
}
