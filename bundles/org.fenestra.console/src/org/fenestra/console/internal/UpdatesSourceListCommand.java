package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;

/** {@code fenestra:updates-source-list}: the update sources and when each was last synchronized. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-source-list" })
public final class UpdatesSourceListCommand extends ConsoleCommand<UpdatesSourceListCommand.Options> {

    @Command(name = "fenestra:updates-source-list", description = "Lists the update sources (dates in local time).")
    static final class Options {
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesSourceListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        TextTable table = new TextTable("NAME", "PATH", "ADDED", "LAST SYNC");
        for (UpdateSource source : updates.sources()) {
            table.row(source.name(), source.path(), HumanReadable.dateTime(source.added()),
                    source.lastSync() == null ? "never" : HumanReadable.dateTime(source.lastSync()));
        }
        return table.format();
    }
}
