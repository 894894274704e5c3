package org.fenestra.catalog.internal;

import org.fenestra.catalog.api.CatalogException;

/**
 * The database was migrated by a newer Fenestra; this one must not write to a schema it does not know.
 */
final class SchemaTooNewException extends CatalogException {

    private static final long serialVersionUID = 1L;

    SchemaTooNewException(String database, int databaseVersion, int supportedVersion) {
        super("The catalog database " + database + " has schema version " + databaseVersion
                + ", newer than this Fenestra supports (" + supportedVersion + "). Upgrade Fenestra on this machine"
                + " to the version the other site servers run, or point " + CatalogSettings.URL
                + " at another database.");
    }
}
