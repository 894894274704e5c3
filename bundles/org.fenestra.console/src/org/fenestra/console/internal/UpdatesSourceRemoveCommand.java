package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.SoftwareUpdates;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:updates-source-remove NAME}. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-source-remove" })
public final class UpdatesSourceRemoveCommand extends ConsoleCommand<UpdatesSourceRemoveCommand.Options> {

    @Command(name = "fenestra:updates-source-remove", description = {
            "Removes an update source (not its files). Its packages leave the catalog,",
            "except downloaded ones, which stay as expired." })
    static final class Options {
        @Parameters(paramLabel = "NAME", description = "the source's name (updates-source-list shows them)")
        String name;
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesSourceRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        updates.removeSource(options.name);
        return "Removed update source \"" + options.name + "\"";
    }
}
