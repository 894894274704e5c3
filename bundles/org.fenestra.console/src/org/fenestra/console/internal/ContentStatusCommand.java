package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:content-status ID}: where an image's content stands on each DP. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=content-status" })
public final class ContentStatusCommand extends ConsoleCommand<ContentStatusCommand.Options> {

    @Command(name = "fenestra:content-status", description = {
            "Shows an image's content status on each distribution point:",
            "Waiting, In Progress (%), Installed (content version), Failed: the reason." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;
    }

    @Reference
    private ContentDistribution distribution;

    public ContentStatusCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<ContentStatus> statuses = distribution.status(options.id);
        return statuses.isEmpty() ? options.id + " has not been distributed (fenestra:distribute sends it)"
                : ContentStatusLines.table(statuses);
    }
}
