package org.fenestra.console.internal;

import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.ContentDistribution;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:content-token ID... [--hours N]}: a deployment's download token for clients. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=content-token" })
public final class ContentTokenCommand extends ConsoleCommand<ContentTokenCommand.Options> {

    @Command(name = "fenestra:content-token", description = {
            "Makes a deployment's download token for one image or more, valid on every DP holding them until it expires.",
            "Clients use it: ./fenestra client download --dp URL --fingerprint FP --image ID --dest DIR --token T",
            "or, to take the image matching the machine's architecture and language: ... --precache --dest DIR --token T" })
    static final class Options {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "the images' IDs (a deployment's images)")
        List<String> ids;

        @Option(names = "--hours", paramLabel = "N", defaultValue = "24", description = "valid for N hours (default 24)")
        int hours;
    }

    @Reference
    private ContentDistribution distribution;

    public ContentTokenCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.hours < 1) {
            throw new IllegalArgumentException("--hours is 1 or more");
        }
        return distribution.downloadToken(options.ids, Duration.ofHours(options.hours));
    }
}
