package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.ServicingTarget;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:image-show ID}: every property of one OS image. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-show" })
public final class ImageShowCommand extends ConsoleCommand<ImageShowCommand.Options> {

    @Command(name = "fenestra:image-show", description = "Shows every property of one OS image.")
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID, e.g. FEN00001 (image-list shows them)")
        String id;
    }

    @Reference
    private ImageCatalog catalog;

    public ImageShowCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (catalog.target(options.id).kind() == ServicingTarget.Kind.UPGRADE_PACKAGE) {
            throw new CommandFailedException(options.id + " is an OS upgrade package, not an OS image: fenestra:upgrade-show "
                    + options.id + " shows it");
        }
        OsImageRecord image = catalog.get(options.id);
        ImageFacts facts = catalog.facts(image.id());
        return new TextTable("PROPERTY", "VALUE")
                .row("ID", image.id()).row("Name", image.name()).row("Version", image.version())
                .row("Comment", image.comment())
                .row("Source path", image.sourcePath()).row("Source index", image.sourceIndex())
                .row("Stored image", image.storedPath() + (image.storedFileCreated()
                        ? "   (extracted by the import; image-remove deletes it)" : ""))
                .row("Index in stored image", image.imageIndex())
                .row("OS version", image.osVersion()).row("Edition", image.osEdition())
                .row("Architecture", ArchitectureNames.of(image.architecture())).row("Language", image.language())
                .row("Size", ByteSize.text(image.sizeBytes()) + " (" + image.sizeBytes() + " bytes)")
                .row("Date added", HumanReadable.dateTime(image.dateAdded()))
                .row("EULA accepted by", image.eulaAcceptance().user())
                .row("EULA accepted at", HumanReadable.dateTime(image.eulaAcceptance().acceptedAt()))
                .row("Content version", image.contentVersion())
                // what the image's own registry says, read at import
                .row("Product name", ImageFacts.shown(facts.productName()))
                .row("Edition ID", ImageFacts.shown(facts.editionId()))
                .row("Installation type", ImageFacts.shown(facts.installationType()))
                .row("Build", facts.buildText())
                .row("Display version", ImageFacts.shown(facts.displayVersion()))
                .row("Languages", ImageFacts.shown(String.join(", ", facts.languages())))
                .format();
    }
}
