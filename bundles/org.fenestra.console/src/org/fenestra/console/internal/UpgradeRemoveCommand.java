package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.UpgradePackageImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:upgrade-remove ID}: removes an OS upgrade package and its copied folder. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=upgrade-remove" })
public final class UpgradeRemoveCommand extends ConsoleCommand<UpgradeRemoveCommand.Options> {

    @Command(name = "fenestra:upgrade-remove", description = {
            "Removes an OS upgrade package from the catalog (with its servicing history and schedule) and deletes",
            "the folder its add copied into the data folder. The source media are never touched." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the package's ID, e.g. FEN00007 (upgrade-list shows them)")
        String id;
    }

    @Reference
    private UpgradePackageImporter packages;

    public UpgradeRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        UpgradePackageRecord removed = packages.remove(options.id);
        return "Removed OS upgrade package " + removed.id() + " \"" + removed.name() + "\"; deleted " + removed.storedFolder();
    }
}
