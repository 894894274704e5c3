package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:servicing-cancel ID}: stops the image's servicing run in process, on whichever site server runs it. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-cancel" })
public final class ServicingCancelCommand extends ConsoleCommand<ServicingCancelCommand.Options> {

    @Command(name = "fenestra:servicing-cancel", description = {
            "Cancels an OS image's servicing run in process: it stops within seconds, commits nothing",
            "and leaves the image as it was." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;
    }

    @Reference
    private OfflineServicing servicing;

    public ServicingCancelCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (!servicing.cancel(options.id)) {
            throw new CommandFailedException(options.id + ": no servicing run is in process");
        }
        return options.id + ": cancel requested; image-history " + options.id + " shows the run as Cancelled once it stopped";
    }
}
