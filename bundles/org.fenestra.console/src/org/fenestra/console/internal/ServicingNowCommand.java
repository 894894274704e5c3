package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:servicing-now ID --updates ID,...|--all-applicable}: services an OS image in this
 * process, with a progress line, and returns when the run ends (exit 0 successful, 1 otherwise).
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-now" })
public final class ServicingNowCommand extends ConsoleCommand<ServicingNowCommand.Options> {

    @Command(name = "fenestra:servicing-now", description = {
            "Applies downloaded updates to an OS image now: a copy of its WIM is serviced and swapped in",
            "only when the run succeeds (a failed or cancelled run leaves the image as it was)." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--continue-on-error", description = "go on after a failed update and commit what applied")
        boolean continueOnError;

        @Option(names = "--optimize", description = "skip superseded updates and export the serviced image into a new WIM "
                + "(single-index images only)")
        boolean optimize;
    }

    static final class Which {
        @Option(names = "--updates", split = ",", paramLabel = "ID", description = "update IDs (UPD00001), comma-separated")
        List<String> updates;

        @Option(names = "--all-applicable", description = "every downloaded update applicable to the image (download them first)")
        boolean allApplicable;
    }

    @Reference
    private OfflineServicing servicing;

    @Reference
    private SoftwareUpdates updates;

    public ServicingNowCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        return serviceNow(servicing, updates, options.id, options.which.allApplicable, options.which.updates,
                options.continueOnError, options.optimize, false);
    }

    /**
     * Runs servicing in this process with a progress line; the report, or a failure (exit 1) when
     * the run did not succeed. Shared with {@code servicing-schedule --now}.
     */
    static String serviceNow(OfflineServicing servicing, SoftwareUpdates updates, String imageId, boolean allApplicable,
            List<String> updateIds, boolean continueOnError, boolean optimize, boolean updateDps) throws Exception {
        List<String> ids = allApplicable
                ? updates.applicable(imageId, UpdateFilter.ALL).stream()
                        .filter(u -> u.state() == UpdateState.DOWNLOADED).map(UpdatePackage::id).toList()
                : updateIds;
        if (ids.isEmpty()) {
            throw new CommandFailedException(imageId + ": no applicable updates");
        }
        ServicingRun run = servicing.serviceNow(new ServicingRequest(imageId, ids, continueOnError, optimize, updateDps),
                new ConsoleProgress(System.out));
        String report = ServicingRuns.describe(run);
        if (run.status() != RunStatus.SUCCESSFUL) {
            throw new CommandFailedException(report);
        }
        return report;
    }
}
