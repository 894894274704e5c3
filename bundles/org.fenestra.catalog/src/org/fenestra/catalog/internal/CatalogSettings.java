package org.fenestra.catalog.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where the catalog database is and how to log in, from framework properties (which fall back to
 * Java system properties): {@value #URL}, {@value #USER}, {@value #PASSWORD}. Without a URL the
 * catalog is an embedded H2 file database in Fenestra's data folder ({@value #DATA}, default
 * {@code ~/.fenestra}), opened in H2's auto-server mode so that a workbench and a console on the
 * same machine share it; a site that outgrows one machine sets a {@code jdbc:postgresql:} URL.
 * {@value #CHANGE_POLL_MILLIS} sets how often changes made by the other processes on the database
 * are read (default {@value #DEFAULT_CHANGE_POLL_MILLIS} ms).
 */
record CatalogSettings(String url, String user, String password, Duration changePoll) {

    static final String URL = "fenestra.catalog.url";
    static final String USER = "fenestra.catalog.user";
    static final String PASSWORD = "fenestra.catalog.password";
    static final String DATA = "fenestra.data";
    static final String CHANGE_POLL_MILLIS = "fenestra.catalog.changePollMillis";
    static final long DEFAULT_CHANGE_POLL_MILLIS = 2000;

    /** The user an embedded database is created with when none is configured. */
    static final String DEFAULT_USER = "fenestra";

    CatalogSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        changePoll = changePoll == null ? Duration.ofMillis(DEFAULT_CHANGE_POLL_MILLIS) : changePoll;
        if (changePoll.isNegative() || changePoll.isZero()) {
            throw new IllegalArgumentException(CHANGE_POLL_MILLIS + " must be positive, not " + changePoll.toMillis());
        }
    }

    CatalogSettings(String url, String user, String password) {
        this(url, user, password, null);
    }

    CatalogSettings withChangePoll(Duration interval) {
        return new CatalogSettings(url, user, password, interval);
    }

    /** Reads the settings; {@code properties} answers {@code null} for a property that is not set. */
    static CatalogSettings from(UnaryOperator<String> properties) {
        String url = blankToNull(properties.apply(URL));
        String user = blankToNull(properties.apply(USER));
        String password = properties.apply(PASSWORD);
        Duration changePoll = changePoll(blankToNull(properties.apply(CHANGE_POLL_MILLIS)));
        if (url == null) {
            String data = blankToNull(properties.apply(DATA));
            Path dataFolder = data == null
                    ? Path.of(System.getProperty("user.home"), ".fenestra")
                    : Path.of(data);
            return h2File(dataFolder.resolve("catalog").resolve("fenestra"), user, password).withChangePoll(changePoll);
        }
        return new CatalogSettings(url, user, password, changePoll);
    }

    private static Duration changePoll(String millis) {
        if (millis == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CHANGE_POLL_MILLIS + " must be a number of milliseconds, not '" + millis + "'");
        }
    }

    /** An embedded H2 database in the files {@code databasePath.mv.db} (and its lock file). */
    static CatalogSettings h2File(Path databasePath, String user, String password) {
        return new CatalogSettings("jdbc:h2:file:" + databasePath.toAbsolutePath() + ";AUTO_SERVER=TRUE",
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
