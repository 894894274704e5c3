package org.fenestra.ui.internal.app;

import java.nio.file.Path;

/**
 * Where this installation keeps its data, from the same properties the services read:
 * {@code fenestra.data} (default {@code ~/.fenestra}), its {@code logs} folder, and the
 * catalog ({@code fenestra.catalog.url}, or the H2 database in {@code catalog/}).
 */
public final class SiteFolders {

    private SiteFolders() {
    }

    public static Path dataFolder() {
        String data = property("fenestra.data");
        return (data == null ? Path.of(System.getProperty("user.home"), ".fenestra") : Path.of(data))
                .toAbsolutePath().normalize();
    }

    public static Path logFolder() {
        return dataFolder().resolve("logs");
    }

    /** The catalog's JDBC URL when one is configured, else the folder of the embedded database. */
    public static String catalogLocation() {
        String url = property("fenestra.catalog.url");
        return url != null ? url : dataFolder().resolve("catalog").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : value;
    }
}
