package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.DistributionPoints;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:dp-remove NAME}: forgets a distribution point. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=dp-remove" })
public final class DpRemoveCommand extends ConsoleCommand<DpRemoveCommand.Options> {

    @Command(name = "fenestra:dp-remove", description = {
            "Forgets a distribution point and the status of content on it.",
            "The DP keeps its files; remove content first (fenestra:content-remove) to delete them there." })
    static final class Options {
        @Parameters(paramLabel = "NAME", description = "the DP's name")
        String name;
    }

    @Reference
    private DistributionPoints points;

    public DpRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        points.remove(options.name);
        return "Removed distribution point " + options.name;
    }
}
