package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:redistribute ID --dp NAME}: sends what a DP lacks or holds damaged again. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=redistribute" })
public final class RedistributeCommand extends ConsoleCommand<RedistributeCommand.Options> {

    @Command(name = "fenestra:redistribute", description = {
            "Sends an image's content to a distribution point again: what it lacks or holds damaged.",
            "Use it after fenestra:validate found damage, or when a distribution failed." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;

        @Option(names = "--dp", required = true, paramLabel = "NAME", description = "the DP")
        String dp;
    }

    @Reference
    private ContentDistribution distribution;

    public RedistributeCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        return ContentStatusLines.resultOrFailure(List.of(
                distribution.redistribute(options.id, options.dp, ContentStatusLines.progress(System.out))));
    }
}
