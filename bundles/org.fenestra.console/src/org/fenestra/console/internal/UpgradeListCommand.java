package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;

/** {@code fenestra:upgrade-list}: the OS upgrade packages in the site catalog. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=upgrade-list" })
public final class UpgradeListCommand extends ConsoleCommand<UpgradeListCommand.Options> {

    @Command(name = "fenestra:upgrade-list", description = {
            "Lists the OS upgrade packages in the site catalog; upgrade-show ID shows every property.",
            "OS VERSION and CONTENT are those of the serviced index of sources\\install.wim." })
    static final class Options {
    }

    @Reference
    private UpgradePackageCatalog packages;

    public UpgradeListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        TextTable table = new TextTable("ID", "NAME", "VERSION", "OS VERSION", "ARCH", "LANGUAGE", "INDEX", "SIZE",
                "CONTENT", "DATE ADDED");
        for (UpgradePackageRecord upgrade : packages.upgradePackages()) {
            table.row(upgrade.id(), upgrade.name(), upgrade.version(), upgrade.osVersion(),
                    ArchitectureNames.of(upgrade.architecture()), upgrade.language(), upgrade.imageIndex(),
                    ByteSize.text(upgrade.folderBytes()), upgrade.contentVersion(), HumanReadable.dateTime(upgrade.dateAdded()));
        }
        return table.format();
    }
}
