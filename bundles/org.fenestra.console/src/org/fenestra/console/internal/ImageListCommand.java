package org.fenestra.console.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.OsImageRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code fenestra:image-list}: the OS images in the site catalog. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-list" })
public final class ImageListCommand extends ConsoleCommand {

    @Reference
    private ImageCatalog catalog;

    public ImageListCommand() {
        super("fenestra:image-list", 0, 0);
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        TextTable table = new TextTable("ID", "NAME", "VERSION", "OS VERSION", "ARCH", "LANGUAGE", "INDEX", "SIZE",
                "DATE ADDED");
        for (OsImageRecord image : catalog.list()) {
            table.row(image.id(), image.name(), image.version(), image.osVersion(), image.architecture(),
                    image.language(), image.imageIndex(), image.sizeBytes(),
                    DateTimeFormatter.ISO_INSTANT.format(image.dateAdded()));
        }
        return table.format();
    }
}
