package org.fenestra.servicing.internal;

import java.util.Locale;

import org.fenestra.catalog.api.SiteDatabase;

/**
 * Whether this process runs due servicing schedules, property {@value #PROPERTY}. As in Configuration
 * Manager, schedules belong to the site server, not to the consoles admins open:
 * <ul>
 * <li>{@code always} (the default): a site server ({@code ./fenestra site-server}) or a headless console;</li>
 * <li>{@code embedded}: only when the catalog is the embedded H2 database, a one-machine site where no
 * site server shares the catalog. The workbench product sets this: on a shared (PostgreSQL) site the
 * workbench only schedules, and the site servers run them;</li>
 * <li>{@code never}: this process never runs schedules.</li>
 * </ul>
 */
enum ScheduleRunning {
    ALWAYS, EMBEDDED, NEVER;

    static final String PROPERTY = "fenestra.servicing.runSchedules";

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
