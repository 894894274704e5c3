package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:content-remove ID --dp NAME}: removes an image's content from a DP. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=content-remove" })
public final class ContentRemoveCommand extends ConsoleCommand<ContentRemoveCommand.Options> {

    @Command(name = "fenestra:content-remove", description = {
            "Removes an image's content from a distribution point (files no other image uses are deleted there)." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;

        @Option(names = "--dp", required = true, paramLabel = "NAME", description = "the DP")
        String dp;
    }

    @Reference
    private ContentDistribution distribution;

    public ContentRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        distribution.remove(options.id, options.dp);
        return "Removed " + options.id + " from " + options.dp;
    }
}
