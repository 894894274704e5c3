package org.fenestra.logging;

import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where the log files go and what is logged, from framework properties (which fall back to Java
 * system properties), then from {@value #SETTINGS_FILE} in the data folder:
 * <ul>
 * <li>{@value #DATA}: the data folder (default {@code ~/.fenestra}); the logs are in its {@code logs} folder;</li>
 * <li>{@value #CONSOLE}: {@code true} also shows the log lines on standard error (off by default:
 * a command prints only what it does; {@code ./fenestra --headless -v} sets it);</li>
 * <li>{@value #LEVEL}: the least level logged by Fenestra's own code, one of {@code TRACE},
 * {@code DEBUG}, {@code INFO} (default), {@code WARNING} ({@code WARN}), {@code ERROR}; other
 * libraries log {@code INFO} and above.</li>
 * </ul>
 *
 * @param folder the log folder
 * @param console whether log lines are shown on standard error too
 * @param level the least level Fenestra's own loggers write
 * @since 0.1
 */
public record LogSettings(Path folder, boolean console, Level level) {

    /** Framework or system property naming the data folder. */
    public static final String DATA = "fenestra.data";
    /** Property: {@code true} shows log lines on standard error. */
    public static final String CONSOLE = "fenestra.log.console";
    /** Property: the least level Fenestra's own loggers write. */
    public static final String LEVEL = "fenestra.log.level";
    /** The settings file in the data folder (a Java properties file with the keys above). */
    public static final String SETTINGS_FILE = "logging.properties";
    /** The log folder's name in the data folder. */
    public static final String LOGS_FOLDER = "logs";
    /** A log file is rolled over when it reaches this size. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** How many rolled-over files ({@code NAME.log.1} ...) are kept beside each current one. */
    public static final int KEPT_ROLLED_FILES = 3;

    /** Checks the values; {@code level} may be any {@link Level} but {@code ALL}/{@code OFF} mean what they say. */
    public LogSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(level, "level");
    }

    /** The defaults for the data folder {@code dataFolder}: no console, {@code INFO}. */
    public static LogSettings defaults(Path dataFolder) {
        return new LogSettings(dataFolder.resolve(LOGS_FOLDER), false, Level.INFO);
    }

    /** The data folder {@code properties} name ({@value #DATA}), or {@code ~/.fenestra}. */
    public static Path dataFolder(UnaryOperator<String> properties) {
        String data = properties.apply(DATA);
        return data == null || data.isBlank()
                ? Path.of(System.getProperty("user.home"), ".fenestra")
                : Path.of(data);
    }

    /**
     * Reads the settings: each key from {@code properties} (which answers {@code null} for a key
     * that is not set), else from {@value #SETTINGS_FILE} in the data folder when it exists.
     *
     * @throws IOException if the settings file exists but cannot be read
     * @throws IllegalArgumentException if a value is not one the key takes (the message names both)
     */
    public static LogSettings load(UnaryOperator<String> properties) throws IOException {
        Path dataFolder = dataFolder(properties);
        Properties file = new Properties();
        Path settingsFile = dataFolder.resolve(SETTINGS_FILE);
        if (Files.isRegularFile(settingsFile)) {
            try (Reader reader = Files.newBufferedReader(settingsFile)) {
                file.load(reader);
            }
        }
        UnaryOperator<String> lookup = key -> {
            String value = properties.apply(key);
            return value != null ? value : file.getProperty(key);
        };
        return new LogSettings(dataFolder.resolve(LOGS_FOLDER), parseConsole(lookup.apply(CONSOLE)),
                parseLevel(lookup.apply(LEVEL)));
    }

    /** The file a concern's events are written to. */
    public Path file(LogConcern concern) {
        return folder.resolve(concern.fileName());
    }

    private static boolean parseConsole(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(CONSOLE + " must be true or false, not '" + value + "'");
        };
    }

    private static Level parseLevel(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.equals("WARN")) {
            return Level.WARNING;
        }
        return Arrays.stream(Level.values())
                .filter(level -> level.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(LEVEL + " must be one of TRACE, DEBUG, INFO, WARNING, ERROR,"
                        + " ALL or OFF, not '" + value + "'"));
    }
}
