package org.fenestra.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.ServicingRun;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:servicing-log ID [--run N]}: the servicing log of an image's run (the newest by default). */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-log" })
public final class ServicingLogCommand extends ConsoleCommand<ServicingLogCommand.Options> {

    @Command(name = "fenestra:servicing-log", description = {
            "Shows the servicing log of an OS image's run: each update, the servicer, the result, timings and errors",
            "(as Configuration Manager's OfflineServicingMgr.log). image-history ID lists the runs." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;

        @Option(names = "--run", paramLabel = "N", description = "the run number (image-history shows them); default the newest")
        Long run;
    }

    @Reference
    private OfflineServicing servicing;

    public ServicingLogCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        List<ServicingRun> runs = servicing.history(options.id);
        if (runs.isEmpty()) {
            throw new CommandFailedException(options.id + ": the image was never serviced");
        }
        ServicingRun run = options.run == null ? runs.get(0)
                : runs.stream().filter(r -> r.runId() == options.run).findFirst().orElseThrow(() -> new CommandFailedException(
                        options.id + " has no run " + options.run + " (image-history " + options.id + " lists its runs)"));
        Path log = Path.of(run.logFile());
        try {
            return "run " + run.runId() + " (" + run.status() + "), " + log + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            // logs are written where the run ran: another site server's are on its host
            throw new CommandFailedException("run " + run.runId() + " of " + options.id + ": its log " + log
                    + " cannot be read here (" + e.getClass().getSimpleName() + "); it is on the site server that ran it");
        }
    }
}
