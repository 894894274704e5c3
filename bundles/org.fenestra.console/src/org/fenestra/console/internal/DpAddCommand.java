package org.fenestra.console.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:dp-add NAME URL --fingerprint FP --secret-file FILE [--pull-from DP]}: registers a distribution point. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=dp-add" })
public final class DpAddCommand extends ConsoleCommand<DpAddCommand.Options> {

    @Command(name = "fenestra:dp-add", description = {
            "Registers a distribution point, after checking it answers with that certificate and accepts the secret.",
            "./fenestra dp prints its URL and fingerprint; the secret is in its DATA/identity/site.secret." })
    static final class Options {
        @Parameters(index = "0", paramLabel = "NAME", description = "a name for the DP (letters, digits, . _ -)")
        String name;

        @Parameters(index = "1", paramLabel = "URL", description = "the URL the DP printed, https://HOST:PORT/")
        String url;

        @Option(names = "--fingerprint", required = true, paramLabel = "SHA256",
                description = "the SHA-256 fingerprint of the DP's certificate, as it printed it")
        String fingerprint;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Secret secret;

        @Option(names = "--pull-from", paramLabel = "DP",
                description = "make it a pull-DP: it takes content from this registered DP instead of the site")
        String pullFrom;
    }

    static final class Secret {
        @Option(names = "--secret-file", paramLabel = "FILE", description = "a copy of the DP's site.secret")
        Path file;

        @Option(names = "--secret", paramLabel = "SECRET", description = "the secret itself (it shows in history)")
        String value;
    }

    @Reference
    private DistributionPoints points;

    public DpAddCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        String secret = options.secret.file != null ? Files.readString(options.secret.file).strip() : options.secret.value;
        URI url;
        try {
            url = URI.create(options.url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + options.url);
        }
        DistributionPoint dp = points.add(options.name, url, options.fingerprint, secret,
                options.pullFrom == null ? "" : options.pullFrom);
        return "Added " + (dp.isPullDp() ? "pull-DP " : "distribution point ") + dp.name() + " at " + dp.url()
                + " (certificate " + dp.fingerprint() + ")" + (dp.isPullDp() ? ", pulling from " + dp.pullFrom() : "");
    }
}
