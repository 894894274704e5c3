package org.fenestra.console.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code fenestra:image-show ID}: every property of one OS image. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-show" })
public final class ImageShowCommand extends ConsoleCommand {

    @Reference
    private ImageCatalog catalog;

    public ImageShowCommand() {
        super("fenestra:image-show ID   (e.g. FEN00001)", 1, 1);
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        OsImageRecord image = catalog.get(arguments.get(0));
        return new TextTable("PROPERTY", "VALUE")
                .row("ID", image.id()).row("Name", image.name()).row("Version", image.version())
                .row("Comment", image.comment()).row("Source path", image.sourcePath())
                .row("Stored image", image.storedPath()).row("Image index", image.imageIndex())
                .row("OS version", image.osVersion()).row("Edition", image.osEdition())
                .row("Architecture", image.architecture()).row("Language", image.language())
                .row("Size (bytes)", image.sizeBytes())
                .row("Date added", DateTimeFormatter.ISO_INSTANT.format(image.dateAdded()))
                .row("EULA accepted by", image.eulaAcceptance().user())
                .row("EULA accepted at", DateTimeFormatter.ISO_INSTANT.format(image.eulaAcceptance().acceptedAt()))
                .row("Content version", image.contentVersion())
                .format();
    }
}
