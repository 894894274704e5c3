package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ImageCatalog;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code fenestra:image-remove ID}: removes the catalog record; the stored WIM file stays. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-remove" })
public final class ImageRemoveCommand extends ConsoleCommand {

    @Reference
    private ImageCatalog catalog;

    public ImageRemoveCommand() {
        super("fenestra:image-remove ID   (the stored WIM file is kept)", 1, 1);
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        catalog.remove(arguments.get(0));
        return "Removed " + arguments.get(0);
    }
}
