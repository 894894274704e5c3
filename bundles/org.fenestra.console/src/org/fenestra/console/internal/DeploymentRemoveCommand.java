package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.MulticastSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:deployment-remove ID}: removes a deployment record. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra",
        "osgi.command.function=deployment-remove" })
public final class DeploymentRemoveCommand extends ConsoleCommand<DeploymentRemoveCommand.Options> {

    @Command(name = "fenestra:deployment-remove", description = {
            "Removes a deployment of an image (the record the multicast rules are checked against).",
            "When the last deployment that runs content from the DP goes, the image may be sent only via multicast." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the deployment's ID (DEP00001, ...)")
        String id;
    }

    @Reference
    private MulticastSettings multicast;

    public DeploymentRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        Deployment removed = multicast.removeDeployment(options.id);
        String done = "Removed deployment " + removed.id() + " of " + removed.imageId() + " to "
                + String.join(", ", removed.targetClients()) + " (" + DeploymentListCommand.content(removed) + ")";
        boolean stillStreaming = multicast.deployments(removed.imageId()).stream().anyMatch(d -> !d.downloadLocally());
        if (!removed.downloadLocally() && !stillStreaming
                && !multicast.imageSettings(removed.imageId()).onlyMulticast()) {
            // the rule's one consequence of a removal: what blocked "only via multicast" may be gone
            done += System.lineSeparator() + "No deployment of " + removed.imageId() + " runs content from the DP now: "
                    + "it may be sent only via multicast (fenestra:image-distribution-settings " + removed.imageId()
                    + " --allow-multicast on --only-multicast on)";
        }
        return done;
    }
}
