package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

import picocli.CommandLine.Command;

/** {@code fenestra:status}: which Fenestra components DS has registered and in what state. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=status" })
public final class StatusCommand extends ConsoleCommand<StatusCommand.Options> {

    @Command(name = "fenestra:status", description = {
            "Lists the Fenestra components Declarative Services knows, their state and services.",
            "Exits 1 when one is neither active, satisfied nor disabled by its own bundle",
            "(the DISM servicer is disabled where DismApi.dll does not load)." })
    static final class Options {
    }

    @Reference
    private ServiceComponentRuntime runtime;

    public StatusCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws CommandFailedException {
        ComponentStatusReport report = ComponentStatusReport.of(runtime);
        String table = report.format();
        if (!report.allHealthy()) {
            // A script calling `fenestra --headless -c fenestra:status` should see the failure in its exit code.
            throw new CommandFailedException(table + "some Fenestra components are not satisfied");
        }
        return table;
    }
}
