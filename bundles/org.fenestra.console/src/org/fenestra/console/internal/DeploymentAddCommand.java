package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:deployment-add ID --clients NAME... [--download-locally]}: records a deployment of an image. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=deployment-add" })
public final class DeploymentAddCommand extends ConsoleCommand<DeploymentAddCommand.Options> {

    @Command(name = "fenestra:deployment-add", description = {
            "Records a deployment of an image to clients (what the multicast rules are checked against).",
            "An image sent only via multicast needs --download-locally." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID")
        String id;

        @Option(names = "--clients", required = true, arity = "1..*", paramLabel = "NAME",
                description = "the target clients or collections")
        List<String> clients;

        @Option(names = "--download-locally",
                description = "download content locally when needed by the running task sequence")
        boolean downloadLocally;
    }

    @Reference
    private MulticastSettings multicast;

    public DeploymentAddCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        Deployment deployment = multicast.addDeployment(options.id, options.clients, options.downloadLocally);
        return "Added deployment " + deployment.id() + " of " + deployment.imageId() + " to "
                + String.join(", ", deployment.targetClients())
                + (deployment.downloadLocally() ? " (downloads content locally)" : " (runs content from the DP)");
    }
}
