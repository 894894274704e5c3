package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fenestra:deployment-list [--image ID]}: the deployments the multicast rules are checked against. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=deployment-list" })
public final class DeploymentListCommand extends ConsoleCommand<DeploymentListCommand.Options> {

    @Command(name = "fenestra:deployment-list", description = {
            "Lists the deployments of images: target clients and whether they download content locally.",
            "A deployment that runs content from the DP keeps its image from being sent only via multicast." })
    static final class Options {
        @Option(names = "--image", paramLabel = "ID", description = "only this image's deployments")
        String image;
    }

    @Reference
    private MulticastSettings multicast;

    public DeploymentListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<Deployment> deployments = options.image == null ? multicast.allDeployments()
                : multicast.deployments(options.image);
        if (deployments.isEmpty()) {
            return "No deployments" + (options.image == null ? "" : " of " + options.image);
        }
        TextTable table = new TextTable("DEPLOYMENT", "IMAGE", "CLIENTS", "CONTENT", "CREATED");
        for (Deployment d : deployments) {
            table.row(d.id(), d.imageId(), String.join(", ", d.targetClients()), content(d),
                    HumanReadable.dateTime(d.createdAt()));
        }
        return table.format().stripTrailing();
    }

    /** How the deployment's clients take the content, in the words of Configuration Manager's option. */
    static String content(Deployment deployment) {
        return deployment.downloadLocally() ? "downloads locally" : "runs from the DP";
    }
}
