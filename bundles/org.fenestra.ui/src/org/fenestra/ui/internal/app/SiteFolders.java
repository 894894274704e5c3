package org.fenestra.ui.internal.app;

import java.nio.file.Path;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.logging.LogSettings;
import org.fenestra.ui.internal.Messages;
import org.fenestra.ui.internal.services.WorkbenchServices;

/**
 * Where this installation keeps its data, as the services that own each place say it: the data
 * and log folders as the logging set-up reads them ({@code fenestra.data}, default
 * {@code ~/.fenestra}), the site database as the catalog service opened it.
 */
public final class SiteFolders {

    private SiteFolders() {
    }

    public static Path dataFolder() {
        return LogSettings.dataFolder(SiteFolders::property).toAbsolutePath().normalize();
    }

    public static Path logFolder() {
        return dataFolder().resolve(LogSettings.LOGS_FOLDER);
    }

    /** The site database's location (JDBC URL and user), or that the catalog is not running. */
    public static String catalogLocation(WorkbenchServices services) {
        return services.siteDatabase().map(SiteDatabase::location)
                .orElse(Messages.Services_catalogNotRunning);
    }

    private static String property(String name) {
        return System.getProperty(name);
    }
}
