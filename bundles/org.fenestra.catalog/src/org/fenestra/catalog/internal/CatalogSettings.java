package org.fenestra.catalog.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the catalog database is and how to log in, from framework properties (which fall back to
 * Java system properties): {@value #URL}, {@value #USER}, {@value #PASSWORD}. Without a URL the
 * catalog is an embedded H2 file database in Fenestra's data folder ({@value #DATA}, default
 * {@code ~/.fenestra}); a site that outgrows one machine sets a {@code jdbc:postgresql:} URL.
 */
record CatalogSettings(String url, String user, String password) {

    static final String URL = "fenestra.catalog.url";
    static final String USER = "fenestra.catalog.user";
    static final String PASSWORD = "fenestra.catalog.password";
    static final String DATA = "fenestra.data";

    /** The user an embedded database is created with when none is configured. */
    static final String DEFAULT_USER = "fenestra";

    CatalogSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Reads the settings; {@code properties} answers {@code null} for a property that is not set. */
    static CatalogSettings from(UnaryOperator<String> properties) {
        String url = blankToNull(properties.apply(URL));
        String user = blankToNull(properties.apply(USER));
        String password = properties.apply(PASSWORD);
        if (url == null) {
            String data = blankToNull(properties.apply(DATA));
            Path dataFolder = data == null
                    ? Path.of(System.getProperty("user.home"), ".fenestra")
                    : Path.of(data);
            return h2File(dataFolder.resolve("catalog").resolve("fenestra"), user, password);
        }
        return new CatalogSettings(url, user, password);
    }

    /** An embedded H2 database in the files {@code databasePath.mv.db} (and its lock file). */
    static CatalogSettings h2File(Path databasePath, String user, String password) {
        return new CatalogSettings("jdbc:h2:file:" + databasePath.toAbsolutePath(),
                user == null ? DEFAULT_USER : user, password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Never shows the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return url + " as " + (user.isEmpty() ? "(no user)" : user);
    }
}
