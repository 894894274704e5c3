package org.fenestra.servicing.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.fenestra.catalog.api.SiteDatabase;

/**
 * Whether this process runs due servicing schedules, property {@value #PROPERTY}. As in Configuration
 * Manager, schedules belong to the site server, not to the consoles admins open:
 * <ul>
 * <li>{@code always} (the default of a site server, {@code ./fenestra site-server});</li>
 * <li>{@code embedded}: only when the catalog is the embedded H2 database, a one-machine site where no
 * site server shares the catalog. The workbench product sets this: on a shared (PostgreSQL) site the
 * workbench only schedules, and the site servers run them;</li>
 * <li>{@code never}: this process never runs schedules.</li>
 * </ul>
 * Without the property a process takes the setting its kind needs ({@link #of}).
 */
enum ScheduleRunning {
    ALWAYS, EMBEDDED, NEVER;

    static final String PROPERTY = "fenestra.servicing.runSchedules";

    /** Set in a one-shot headless console ({@code ./fenestra --headless -c "…"}): the command to run, then exit. */
    static final String ONE_SHOT_COMMAND = "fenestra.exec";
    /** Set ({@code true}) in an interactive headless console. */
    static final String INTERACTIVE_CONSOLE = "fenestra.console";

    /**
     * The setting of a process: the property when given, else what the process is. A one-shot
     * console never runs schedules (it exits when its command ends, which would stop a run half way);
     * an interactive console runs them only on an embedded site, as the workbench; anything else (the
     * site server) always.
     */
    static ScheduleRunning of(UnaryOperator<String> properties) {
        String configured = properties.apply(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        if (properties.apply(ONE_SHOT_COMMAND) != null) {
            return NEVER;
        }
        return Boolean.parseBoolean(properties.apply(INTERACTIVE_CONSOLE)) ? EMBEDDED : ALWAYS;
    }

    /** The property's value; null or blank is {@code always}. */
    static ScheduleRunning parse(String value) {
        if (value == null || value.isBlank()) {
            return ALWAYS;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " is always, embedded or never, not " + value, e);
        }
    }

    boolean runsOn(SiteDatabase.Product catalog) {
        return switch (this) {
            case ALWAYS -> true;
            case EMBEDDED -> catalog == SiteDatabase.Product.H2;
            case NEVER -> false;
        };
    }
}
