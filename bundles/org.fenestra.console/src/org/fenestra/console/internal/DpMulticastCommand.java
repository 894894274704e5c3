package org.fenestra.console.internal;

import java.time.Instant;
import java.util.Optional;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:dp-multicast DP [--enable|--disable] [--addresses RANGE] [--ports RANGE]
 * [--max-clients N] [--max-rate MBPS] [--autocast | --scheduled-clients N --scheduled-time T]
 * [--slow-clients none|disconnect:MBPS|streams:N]}: shows or changes a DP's multicast settings.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=dp-multicast" })
public final class DpMulticastCommand extends ConsoleCommand<DpMulticastCommand.Options> {

    @Command(name = "fenestra:dp-multicast", description = {
            "Shows or changes a distribution point's multicast settings (options not given stay as they are).",
            "Sessions start when a client asks (--autocast) or at N clients or a time, whichever first." })
    static final class Options {
        @Parameters(paramLabel = "DP", description = "the DP's name")
        String dp;

        @ArgGroup(exclusive = true)
        Enable enable;

        @Option(names = "--addresses", paramLabel = "FIRST-LAST",
                description = "session group addresses, within 239.0.0.0/8 (e.g. 239.255.0.1-239.255.0.254)")
        String addresses;

        @Option(names = "--ports", paramLabel = "FIRST-LAST", description = "UDP ports of the sessions (e.g. 63000-64000)")
        String ports;

        @Option(names = "--max-clients", paramLabel = "N", description = "receivers one session admits at most")
        Integer maxClients;

        @Option(names = "--max-rate", paramLabel = "MBPS", description = "a session's send rate at most, MB/s")
        Integer maxRate;

        @ArgGroup(exclusive = true)
        Start start;

        @Option(names = "--slow-clients", paramLabel = "POLICY",
                description = "none, disconnect:MBPS (below it: fall back to HTTPS) or streams:N (2 or 3, by speed)")
        String slowClients;
    }

    static final class Enable {
        @Option(names = "--enable", description = "turn multicast on") boolean on;

        @Option(names = "--disable", description = "turn multicast off") boolean off;
    }

    static final class Start {
        @Option(names = "--autocast", description = "a session starts when a client asks; later clients join it")
        boolean autocast;

        @ArgGroup(exclusive = false)
        Scheduled scheduled;
    }

    static final class Scheduled {
        @Option(names = "--scheduled-clients", paramLabel = "N", description = "scheduled-cast: start at N clients")
        Integer clients;

        @Option(names = "--scheduled-time", paramLabel = "T",
                description = "scheduled-cast: start at this time (2026-12-24T08:00, local time, or with an offset)")
        String time;
    }

    @Reference
    private MulticastSettings multicast;

    public DpMulticastCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options o) throws Exception {
        DpMulticastSettings s = multicast.dpSettings(o.dp);
        boolean changed = o.enable != null || o.addresses != null || o.ports != null || o.maxClients != null
                || o.maxRate != null || o.start != null || o.slowClients != null;
        if (changed) {
            boolean enabled = o.enable == null ? s.enabled() : o.enable.on;
            String[] addresses = o.addresses == null ? new String[] { s.addressFirst(), s.addressLast() }
                    : range(o.addresses, "--addresses");
            int[] ports = o.ports == null ? new int[] { s.portFirst(), s.portLast() } : ports(o.ports);
            SessionStart start = s.start();
            int scheduledClients = s.scheduledClients();
            Optional<Instant> scheduledAt = s.scheduledAt();
            if (o.start != null && o.start.autocast) {
                start = SessionStart.AUTO_CAST;
                scheduledClients = 0;
                scheduledAt = Optional.empty();
            } else if (o.start != null && o.start.scheduled != null) {
                start = SessionStart.SCHEDULED_CAST;
                scheduledClients = o.start.scheduled.clients == null ? 0 : o.start.scheduled.clients;
                scheduledAt = Optional.ofNullable(o.start.scheduled.time).map(DpMulticastCommand::time);
            }
            SlowClientPolicy slow = s.slowClients();
            if (o.slowClients != null) {
                slow = SlowClientPolicy.parse(o.slowClients);
                if (slow == null) {
                    throw new IllegalArgumentException("--slow-clients is none, disconnect:MBPS or streams:N, not "
                            + o.slowClients);
                }
            }
            s = multicast.setDpSettings(o.dp, new DpMulticastSettings(enabled, addresses[0], addresses[1], ports[0],
                    ports[1], o.maxClients == null ? s.maxClients() : o.maxClients,
                    o.maxRate == null ? s.maxRateMbps() : o.maxRate, start, scheduledClients, scheduledAt, slow));
        }
        return describe(o.dp, s);
    }

    static String describe(String dp, DpMulticastSettings s) {
        String start = s.start() == SessionStart.AUTO_CAST ? "auto-cast (when a client asks; late clients join)"
                : "scheduled-cast at " + (s.scheduledClients() > 0 ? s.scheduledClients() + " clients" : "")
                        + (s.scheduledClients() > 0 && s.scheduledAt().isPresent() ? " or " : "")
                        + s.scheduledAt().map(Instant::toString).orElse("")
                        + (s.scheduledClients() > 0 && s.scheduledAt().isPresent() ? ", whichever comes first" : "");
        String slow = switch (s.slowClients().kind()) {
            case NONE -> "none (everyone stays in the session)";
            case DISCONNECT -> "disconnect below " + s.slowClients().value() + " MB/s (they download over HTTPS)";
            case STREAMS -> "split into up to " + s.slowClients().value() + " streams by speed";
        };
        return String.join(System.lineSeparator(),
                dp + " multicast: " + (s.enabled() ? "enabled" : "disabled"),
                "  Addresses:      " + s.addressFirst() + "-" + s.addressLast(),
                "  UDP ports:      " + s.portFirst() + "-" + s.portLast(),
                "  Max clients:    " + s.maxClients(),
                "  Max rate:       " + s.maxRateMbps() + " MB/s",
                "  Session start:  " + start,
                "  Slow clients:   " + slow);
    }

    private static String[] range(String text, String option) {
        String[] parts = text.split("-", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException(option + " is FIRST-LAST, not " + text);
        }
        return new String[] { parts[0].strip(), parts[1].strip() };
    }

    private static int[] ports(String text) {
        String[] parts = range(text, "--ports");
        try {
            return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ports is FIRST-LAST, two port numbers, not " + text);
        }
    }

    private static Instant time(String text) {
        return DpMulticastSettings.parseTime(text).orElseThrow(() -> new IllegalArgumentException(
                "--scheduled-time is a date and time such as 2026-12-24T08:00, not " + text));
    }
}
