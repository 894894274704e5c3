package org.fenestra.distribution.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A DP's multicast settings (Configuration Manager's Multicast tab of a DP).
 *
 * @param addressFirst     first session group address, in 239.0.0.0/8 (administratively scoped)
 * @param addressLast      last one (inclusive); one session per address at a time
 * @param portFirst        first UDP port of the sessions (1024–65535)
 * @param portLast         last one (inclusive)
 * @param maxClients       receivers one session admits at most
 * @param maxRateMbps      ceiling of a session's send rate, megabytes per second
 * @param start            when a session starts
 * @param scheduledClients scheduled-cast: start once this many clients joined (0: not by count)
 * @param scheduledAt      scheduled-cast: start at this time (empty: not by time)
 * @param slowClients      what happens to receivers slower than the rest
 * @since 0.1
 */
public record DpMulticastSettings(boolean enabled, String addressFirst, String addressLast, int portFirst,
        int portLast, int maxClients, int maxRateMbps, SessionStart start, int scheduledClients,
        Optional<Instant> scheduledAt, SlowClientPolicy slowClients) {

    public enum SessionStart {
        /** A session starts when the first client asks; clients asking later join it (late join). */
        AUTO_CAST,
        /** A session starts at N clients or at a time, whichever comes first. */
        SCHEDULED_CAST
    }

    /**
     * What to do about receivers slower than the others.
     *
     * @param value DISCONNECT: the minimum rate in MB/s; STREAMS: the most streams (2 or 3); NONE: 0
     */
    public record SlowClientPolicy(Kind kind, int value) {

        public enum Kind {
            /** Everyone stays in the session (it goes at the pace congestion control finds). */
            NONE,
            /** A receiver below the rate is disconnected and downloads from the DP over HTTPS. */
            DISCONNECT,
            /** Receivers are split into up to N streams by speed (as WDS does). */
            STREAMS
        }

        public static final SlowClientPolicy NONE = new SlowClientPolicy(Kind.NONE, 0);

        /** {@code none}, {@code disconnect:MBPS} or {@code streams:N} (as the console takes it). */
        public static SlowClientPolicy parse(String text) {
            String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split(":", 2);
            try {
                return switch (parts[0]) {
                    case "none" -> parts.length == 1 ? NONE : null;
                    case "disconnect" -> new SlowClientPolicy(Kind.DISCONNECT, Integer.parseInt(parts[1]));
                    case "streams" -> new SlowClientPolicy(Kind.STREAMS, Integer.parseInt(parts[1]));
                    default -> null;
                };
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "none";
                case DISCONNECT -> "disconnect:" + value;
                case STREAMS -> "streams:" + value;
            };
        }
    }

    /** A DP nobody set: multicast off; the rest as Configuration Manager proposes it. */
    public static final DpMulticastSettings DEFAULTS = new DpMulticastSettings(false, "239.255.0.1",
            "239.255.0.254", 63000, 64000, 50, 100, SessionStart.AUTO_CAST, 0, Optional.empty(),
            SlowClientPolicy.NONE);

    /**
     * Why these settings cannot be used, or empty when they can. The site refuses to store
     * settings with a problem.
     */
    public Optional<String> problem() {
        Optional<Long> first = address239(addressFirst);
        Optional<Long> last = address239(addressLast);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.of("multicast addresses are IPv4 addresses in 239.0.0.0/8 (administratively scoped), not "
                    + addressFirst + "-" + addressLast);
        }
        if (first.get() > last.get()) {
            return Optional.of("the address range " + addressFirst + "-" + addressLast + " is empty");
        }
        if (portFirst < 1024 || portLast > 65535 || portFirst > portLast) {
            return Optional.of("the UDP ports are a range within 1024-65535, not " + portFirst + "-" + portLast);
        }
        if (maxClients < 1) {
            return Optional.of("the maximum number of clients is 1 or more, not " + maxClients);
        }
        if (maxRateMbps < 1) {
            return Optional.of("the maximum transfer rate is 1 MB/s or more, not " + maxRateMbps);
        }
        if (scheduledClients < 0) {
            return Optional.of("the scheduled number of clients is 0 or more, not " + scheduledClients);
        }
        if (start == SessionStart.SCHEDULED_CAST && scheduledClients == 0 && scheduledAt.isEmpty()) {
            return Optional.of("scheduled-cast needs a number of clients, a time, or both");
        }
        return switch (slowClients.kind()) {
            case NONE -> Optional.empty();
            case DISCONNECT -> slowClients.value() >= 1 ? Optional.empty()
                    : Optional.of("disconnect:MBPS needs a rate of 1 MB/s or more");
            case STREAMS -> slowClients.value() == 2 || slowClients.value() == 3 ? Optional.empty()
                    : Optional.of("streams:N splits into 2 or 3 streams, not " + slowClients.value());
        };
    }

    /**
     * A scheduled-cast time as admins type it, in the console and the workbench alike:
     * {@code 2026-12-24T08:00} (local time) or with an offset ({@code 2026-12-24T08:00Z}); empty
     * when it is neither.
     */
    public static Optional<Instant> parseTime(String text) {
        String time = text.strip();
        try {
            return Optional.of(java.time.OffsetDateTime.parse(time).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDateTime.parse(time).atZone(java.time.ZoneId.systemDefault())
                        .toInstant());
            } catch (java.time.format.DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** The address as a number when it is a literal IPv4 address in 239.0.0.0/8 (no name is looked up). */
    static Optional<Long> address239(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value << 8 | octet;
        }
        return value >>> 24 == 239 ? Optional.of(value) : Optional.empty();
    }
}
