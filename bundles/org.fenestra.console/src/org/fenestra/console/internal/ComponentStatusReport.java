package org.fenestra.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The Fenestra components that Declarative Services knows in this framework, with their
 * state and the services they provide. Built fresh from {@link ServiceComponentRuntime} on
 * each call, so it shows what is registered now, not what was registered at start.
 */
final class ComponentStatusReport {

    /** Bundles whose symbolic name starts with this are Fenestra's (ours and partners' on our namespace). */
    static final String FENESTRA_BUNDLE_PREFIX = "org.fenestra.";

    record Row(String component, String bundle, String state, List<String> services) {
        /** Active or satisfied: working, or ready to as soon as it is asked for. */
        boolean running() {
            return state.equals("ACTIVE") || state.equals("SATISFIED");
        }

        /**
         * Switched off by its own bundle, which is a decision and not a fault: the DISM servicer is
         * enabled only where DismApi loads.
         */
        boolean disabled() {
            return state.equals("DISABLED");
        }

        boolean healthy() {
            return running() || disabled();
        }
    }

    private final List<Row> rows;

    private ComponentStatusReport(List<Row> rows) {
        this.rows = rows;
    }

    static ComponentStatusReport of(ServiceComponentRuntime runtime) {
        List<Row> rows = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith(FENESTRA_BUNDLE_PREFIX)) {
                continue;
            }
            rows.add(new Row(description.name, description.bundle.symbolicName,
                    stateOf(runtime, description), List.of(description.serviceInterfaces)));
        }
        rows.sort(Comparator.comparing(Row::bundle).thenComparing(Row::component));
        return new ComponentStatusReport(List.copyOf(rows));
    }

    /** The most advanced state of any configuration; DISABLED when there is none. */
    private static String stateOf(ServiceComponentRuntime runtime, ComponentDescriptionDTO description) {
        if (!runtime.isComponentEnabled(description)) {
            return "DISABLED";
        }
        int best = -1;
        for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
            best = Math.max(best, rank(configuration.state));
        }
        return switch (best) {
            case 3 -> "ACTIVE";
            case 2 -> "SATISFIED";
            case 1 -> "UNSATISFIED_REFERENCE";
            case 0 -> "UNSATISFIED_CONFIGURATION";
            default -> "ENABLED";
        };
    }

    private static int rank(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> 3;
            case ComponentConfigurationDTO.SATISFIED -> 2;
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> 1;
            default -> 0;
        };
    }

    List<Row> rows() {
        return rows;
    }

    boolean allHealthy() {
        return rows.stream().allMatch(Row::healthy);
    }

    /** A fixed-width table an admin can read in a terminal and a script can grep. */
    String format() {
        int nameWidth = Math.max("COMPONENT".length(),
                rows.stream().mapToInt(r -> r.component().length()).max().orElse(0));
        int stateWidth = "UNSATISFIED_CONFIGURATION".length();
        StringBuilder out = new StringBuilder();
        String layout = "%-" + nameWidth + "s  %-" + stateWidth + "s  %s%n";
        out.append(String.format(layout, "COMPONENT", "STATE", "SERVICES"));
        for (Row row : rows) {
            String services = row.services().isEmpty() ? "-" : String.join(", ", row.services());
            out.append(String.format(layout, row.component(), row.state(), services));
        }
        long running = rows.stream().filter(Row::running).count();
        long disabled = rows.stream().filter(Row::disabled).count();
        out.append(String.format("%d Fenestra components, %d active or satisfied%s%n", rows.size(), running,
                disabled == 0 ? "" : ", " + disabled + " disabled by their bundles"));
        return out.toString();
    }
}
