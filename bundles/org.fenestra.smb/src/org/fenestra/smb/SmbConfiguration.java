package org.fenestra.smb;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where SMB credentials and ports come from. Keys, looked up first per server
 * ({@code fenestra.smb.SERVER.user}) and then for all servers ({@code fenestra.smb.user}):
 * {@code user}, {@code password}, {@code domain}, {@code port} (default 445). Each key is read
 * from the framework/system properties first, then from {@code smb.properties} in the data
 * folder ({@code fenestra.data}, default {@code ~/.fenestra}), which keeps passwords off
 * command lines. Server names in keys are lower case.
 *
 * @since 0.1
 */
public final class SmbConfiguration {
    /** The standard SMB port. */
    public static final int DEFAULT_PORT = 445;

    private final UnaryOperator<String> lookup;

    private SmbConfiguration(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /** Reads system properties, then {@code smb.properties} in the data folder (if it exists). */
    public static SmbConfiguration load() throws IOException {
        return load(System::getProperty);
    }

    /**
     * Reads {@code properties} (e.g. a bundle context's framework properties, which fall back
     * to system properties), then {@code smb.properties} in the data folder they name.
     */
    public static SmbConfiguration load(UnaryOperator<String> properties) throws IOException {
        String data = properties.apply("fenestra.data");
        Path dataFolder = Path.of(data != null ? data : System.getProperty("user.home") + "/.fenestra");
        Properties file = new Properties();
        Path propertiesFile = dataFolder.resolve("smb.properties");
        if (Files.isRegularFile(propertiesFile)) {
            try (Reader reader = Files.newBufferedReader(propertiesFile)) {
                file.load(reader);
            }
        }
        return new SmbConfiguration(key -> {
            String value = properties.apply(key);
            return value != null ? value : file.getProperty(key);
        });
    }

    /** A configuration over any key lookup (e.g. a bundle context's properties). */
    public static SmbConfiguration of(UnaryOperator<String> lookup) {
        return new SmbConfiguration(lookup);
    }

    public SmbCredentials credentials(String server) {
        return new SmbCredentials(value(server, "domain"), value(server, "user"), value(server, "password"));
    }

    public int port(String server) {
        String port = value(server, "port");
        if (port == null || port.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fenestra.smb port for " + server + " is not a number: " + port, e);
        }
    }

    private String value(String server, String key) {
        String specific = lookup.apply("fenestra.smb." + server.toLowerCase(Locale.ROOT) + "." + key);
        return specific != null ? specific : lookup.apply("fenestra.smb." + key);
    }
}
