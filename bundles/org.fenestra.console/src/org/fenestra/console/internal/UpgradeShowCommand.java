package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.UpgradePackageCatalog;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:upgrade-show ID}: every property of an OS upgrade package. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=upgrade-show" })
public final class UpgradeShowCommand extends ConsoleCommand<UpgradeShowCommand.Options> {

    @Command(name = "fenestra:upgrade-show", description = "Shows every property of an OS upgrade package.")
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the package's ID, e.g. FEN00007 (upgrade-list shows them)")
        String id;
    }

    @Reference
    private UpgradePackageCatalog packages;

    @Reference
    private ImageCatalog images;

    public UpgradeShowCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        UpgradePackageRecord upgrade = packages.upgradePackage(options.id);
        ImageFacts facts = images.facts(upgrade.id());
        return new TextTable("PROPERTY", "VALUE")
                .row("ID", upgrade.id()).row("Name", upgrade.name()).row("Version", upgrade.version())
                .row("Comment", upgrade.comment())
                .row("Source path", upgrade.sourcePath())
                .row("Stored folder", upgrade.storedFolder())
                .row("Files", upgrade.fileCount())
                .row("Size", ByteSize.text(upgrade.folderBytes()) + " (" + upgrade.folderBytes() + " bytes)")
                .row("Serviced image", upgrade.installWim() + ", index " + upgrade.imageIndex())
                .row("install.wim size", ByteSize.text(upgrade.installWimBytes()) + " (" + upgrade.installWimBytes() + " bytes)")
                .row("OS version", upgrade.osVersion()).row("Edition", upgrade.osEdition())
                .row("Architecture", ArchitectureNames.of(upgrade.architecture())).row("Language", upgrade.language())
                .row("Date added", HumanReadable.dateTime(upgrade.dateAdded()))
                .row("Added by", upgrade.addedBy())
                .row("Content version", upgrade.contentVersion())
                .row("Product name", ImageFacts.shown(facts.productName()))
                .row("Build", facts.buildText())
                .row("Display version", ImageFacts.shown(facts.displayVersion()))
                .row("Languages", ImageFacts.shown(String.join(", ", facts.languages())))
                .format();
    }
}
