package org.fenestra.console.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.MulticastSession;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:multicast-sessions [DP]}: the DPs' multicast sessions, per receiver progress, rate and result. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=multicast-sessions" })
public final class MulticastSessionsCommand extends ConsoleCommand<MulticastSessionsCommand.Options> {

    @Command(name = "fenestra:multicast-sessions", description = {
            "Lists the multicast sessions of the DPs (running and recently ended), per receiver: progress, rate, result.",
            "DISCONNECTED receivers were too slow for the session and download over HTTPS instead." })
    static final class Options {
        @Parameters(arity = "0..1", paramLabel = "DP", description = "one DP (default: every DP)")
        String dp;
    }

    @Reference
    private MulticastSettings multicast;

    @Reference
    private DistributionPoints points;

    public MulticastSessionsCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<String> names = new ArrayList<>();
        if (options.dp != null) {
            names.add(points.get(options.dp).name());
        } else {
            points.list().stream().map(DistributionPoint::name).forEach(names::add);
        }
        TextTable table = new TextTable("DP", "SESSION", "IMAGE", "GROUP", "STATE", "RECEIVER", "ADDRESS", "RESULT",
                "PROGRESS", "RATE", "DETAIL");
        List<String> unreachable = new ArrayList<>();
        int sessions = 0;
        for (String name : names) {
            List<MulticastSession> found;
            try {
                found = multicast.sessions(name);
            } catch (DistributionException e) {
                if (options.dp != null) {
                    throw e;
                }
                unreachable.add(e.getMessage());
                continue;
            }
            for (MulticastSession s : found) {
                sessions++;
                String session = s.id() + (s.stream() > 1 ? " stream " + s.stream() : "")
                        + (s.encrypted() ? " (encrypted)" : "");
                if (s.receivers().isEmpty()) {
                    table.row(name, session, s.imageId(), s.group(), s.state(), "-", "", "", "", "", "");
                }
                for (MulticastSession.Receiver r : s.receivers()) {
                    table.row(name, session, s.imageId(), s.group(), s.state(), r.id(), r.address(), r.state(),
                            s.percentOf(r) + "%", String.format("%.1f MB/s", r.bytesPerSecond() / 1e6), r.detail());
                }
            }
        }
        StringBuilder out = new StringBuilder(sessions == 0 ? "No multicast sessions" + (options.dp == null ? ""
                : " on " + options.dp) + System.lineSeparator() : table.format());
        unreachable.forEach(u -> out.append("Not reachable: ").append(u).append(System.lineSeparator()));
        return out.toString().stripTrailing();
    }
}
