package org.fenestra.distribution.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.ImageDistributionSettings;

/**
 * Multicast settings as the site gives them to a DP ({@code PUT /admin/multicast},
 * {@code PUT /admin/multicast/packages/ID}) and the DP keeps them: {@code key=value} lines
 * (java.util.Properties), so an admin can read a DP's copy.
 */
public final class MulticastWire {

    private MulticastWire() {
    }

    public static String dpSettings(DpMulticastSettings s) {
        Properties p = new Properties();
        p.setProperty("enabled", Boolean.toString(s.enabled()));
        p.setProperty("addresses", s.addressFirst() + "-" + s.addressLast());
        p.setProperty("ports", s.portFirst() + "-" + s.portLast());
        p.setProperty("maxClients", Integer.toString(s.maxClients()));
        p.setProperty("maxRateMbps", Integer.toString(s.maxRateMbps()));
        p.setProperty("start", s.start().name());
        p.setProperty("scheduledClients", Integer.toString(s.scheduledClients()));
        s.scheduledAt().ifPresent(at -> p.setProperty("scheduledAt", at.toString()));
        p.setProperty("slowClients", s.slowClients().toString());
        return write(p);
    }

    /** Reads {@link #dpSettings}; malformed or unusable settings are an {@link IllegalArgumentException}. */
    public static DpMulticastSettings readDpSettings(String text) {
        Properties p = read(text);
        try {
            String[] addresses = required(p, "addresses").split("-", 2);
            String[] ports = required(p, "ports").split("-", 2);
            SlowClientPolicy slow = SlowClientPolicy.parse(required(p, "slowClients"));
            if (slow == null || addresses.length != 2 || ports.length != 2) {
                throw new IllegalArgumentException("malformed multicast settings");
            }
            DpMulticastSettings settings = new DpMulticastSettings(Boolean.parseBoolean(required(p, "enabled")),
                    addresses[0], addresses[1], Integer.parseInt(ports[0]), Integer.parseInt(ports[1]),
                    Integer.parseInt(required(p, "maxClients")), Integer.parseInt(required(p, "maxRateMbps")),
                    SessionStart.valueOf(required(p, "start")), Integer.parseInt(required(p, "scheduledClients")),
                    Optional.ofNullable(p.getProperty("scheduledAt")).map(Instant::parse), slow);
            settings.problem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            return settings;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed multicast settings: " + e.getMessage(), e);
        }
    }

    public static String imageSettings(ImageDistributionSettings s) {
        Properties p = new Properties();
        p.setProperty("allowMulticast", Boolean.toString(s.allowMulticast()));
        p.setProperty("encryptMulticast", Boolean.toString(s.encryptMulticast()));
        p.setProperty("onlyMulticast", Boolean.toString(s.onlyMulticast()));
        return write(p);
    }

    public static ImageDistributionSettings readImageSettings(String imageId, String text) {
        Properties p = read(text);
        return new ImageDistributionSettings(imageId, Boolean.parseBoolean(required(p, "allowMulticast")),
                Boolean.parseBoolean(required(p, "encryptMulticast")), Boolean.parseBoolean(required(p, "onlyMulticast")));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("multicast settings lack " + key);
        }
        return value.strip();
    }

    private static Properties read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable multicast settings: " + e.getMessage(), e);
        }
        return p;
    }

    private static String write(Properties p) {
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties writes a date comment first; the settings alone are the content
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, l) -> a + l + "\n");
    }
}
