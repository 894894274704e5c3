package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.SourceImages;
import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimImageInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:image-indexes PATH}: the images inside a WIM, to choose the one to import.
 * PATH is local or UNC, read through the importer so a share is reached the same way as by
 * {@code image-add}.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-indexes" })
public final class ImageIndexesCommand extends ConsoleCommand<ImageIndexesCommand.Options> {

    @Command(name = "fenestra:image-indexes", description = "Lists the images inside a WIM, to choose the --index to add.",
            footer = ImageAddCommand.UNC_NOTE)
    static final class Options {
        @Parameters(paramLabel = "PATH", description = "a .wim or .esd file, local or UNC")
        String path;
    }

    @Reference
    private ImageImporter importer;

    public ImageIndexesCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        SourceImages source = importer.indexes(options.path);
        TextTable table = new TextTable("INDEX", "NAME", "EDITION", "ARCH", "LANGUAGE", "SIZE", "BOOT");
        for (WimImageInfo image : source.images()) {
            // Older and custom images name their edition only in FLAGS; no WINDOWS element: architecture unknown.
            String edition = image.editionId() != null ? image.editionId() : image.flags();
            table.row(image.index(), image.name(), edition,
                    image.processorArchitecture().map(ProcessorArchitecture::displayName).orElse(""),
                    image.defaultLanguage(), ByteSize.text(image.totalBytes()),
                    image.index() == source.bootIndex() ? "yes" : "");
        }
        return table.format();
    }
}
