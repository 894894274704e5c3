package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:distribute ID --dp NAME… | --all}: sends an image's content to distribution points. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=distribute" })
public final class DistributeCommand extends ConsoleCommand<DistributeCommand.Options> {

    @Command(name = "fenestra:distribute", description = {
            "Distributes an OS image's content to distribution points, in parallel, and waits for them.",
            "A DP restarting meanwhile continues where it stopped; exit status 1 when any DP failed." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID, e.g. FEN00001")
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Targets targets;
    }

    static final class Targets {
        @Option(names = "--dp", paramLabel = "NAME", arity = "1..*", description = "the DPs to send it to")
        List<String> names;

        @Option(names = "--all", description = "every registered DP")
        boolean all;
    }

    @Reference
    private ContentDistribution distribution;

    @Reference
    private DistributionPoints points;

    public DistributeCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<String> names = options.targets.all ? points.list().stream().map(DistributionPoint::name).toList()
                : options.targets.names;
        if (names.isEmpty()) {
            throw new CommandFailedException("No distribution points are registered (fenestra:dp-add adds one)");
        }
        return ContentStatusLines.resultOrFailure(
                distribution.distribute(options.id, names, ContentStatusLines.progress(System.out)));
    }
}
