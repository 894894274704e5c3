package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.wim.model.WimProgress;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:image-updates ID [--rescan]}: the packages an OS image holds. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-updates" })
public final class ImageUpdatesCommand extends ConsoleCommand<ImageUpdatesCommand.Options> {

    @Command(name = "fenestra:image-updates", description = {
            "Lists the updates an OS image holds: read from the image at import (its servicing packages)",
            "and applied by Fenestra's servicing since." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;

        @Option(names = "--rescan", description = "read the image's packages from its WIM again first")
        boolean rescan;
    }

    @Reference
    private SoftwareUpdates updates;

    public ImageUpdatesCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        ImageUpdates image = options.rescan ? updates.rescan(options.id, WimProgress.NONE) : updates.installedUpdates(options.id);
        TextTable table = new TextTable("ARTICLE", "RELEASE TYPE", "ORIGIN", "RECORDED", "PACKAGE IDENTITY");
        for (InstalledUpdate installed : image.installed()) {
            table.row(installed.articleId(), installed.releaseType(),
                    installed.origin() == InstalledUpdate.Origin.IN_IMAGE ? "at import" : "applied " + installed.updateId(),
                    HumanReadable.dateTime(installed.recordedAt()), installed.identity().text());
        }
        return image.imageId() + ": Windows " + image.osBuild() + " " + ArchitectureNames.of(image.architecture()) + ", "
                + image.installed().size() + " package(s), read " + HumanReadable.dateTime(image.scannedAt())
                + System.lineSeparator() + table.format();
    }
}
