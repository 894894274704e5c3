package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;

/** {@code fenestra:image-list}: the OS images in the site catalog. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-list" })
public final class ImageListCommand extends ConsoleCommand<ImageListCommand.Options> {

    @Command(name = "fenestra:image-list", description = {
            "Lists the OS images in the site catalog (sizes in KB/MB/GB, dates in local time).",
            "INDEX is the image's index in its source WIM; image-show ID shows every property." })
    static final class Options {
    }

    @Reference
    private ImageCatalog catalog;

    public ImageListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        TextTable table = new TextTable("ID", "NAME", "VERSION", "OS VERSION", "ARCH", "LANGUAGE", "INDEX", "SIZE",
                "DATE ADDED");
        for (OsImageRecord image : catalog.list()) {
            table.row(image.id(), image.name(), image.version(), image.osVersion(),
                    ArchitectureNames.of(image.architecture()), image.language(), image.sourceIndex(),
                    ByteSize.text(image.sizeBytes()), HumanReadable.dateTime(image.dateAdded()));
        }
        return table.format();
    }
}
