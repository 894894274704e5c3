package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.SourceImages;
import org.fenestra.wim.ProcessorArchitecture;
import org.fenestra.wim.WimImageInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code fenestra:image-indexes PATH}: the images inside a WIM, to choose the one to import.
 * PATH is local or UNC, read through the importer so a share is reached the same way as by
 * {@code image-add}.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-indexes" })
public final class ImageIndexesCommand extends ConsoleCommand {

    @Reference
    private ImageImporter importer;

    public ImageIndexesCommand() {
        super("fenestra:image-indexes PATH   (a .wim or .esd file; UNC in single quotes:"
                + " '\\\\server\\share\\dir\\file.wim' or '//server/share/dir/file.wim')", 1, 1);
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        SourceImages source = importer.indexes(arguments.get(0));
        TextTable table = new TextTable("INDEX", "NAME", "EDITION", "ARCH", "LANGUAGE", "TOTAL BYTES", "BOOT");
        for (WimImageInfo image : source.images()) {
            table.row(image.index(), image.name(), image.editionId(),
                    image.processorArchitecture().map(ProcessorArchitecture::displayName).orElse(""),
                    image.defaultLanguage(), image.totalBytes(), image.index() == source.bootIndex() ? "yes" : "");
        }
        return table.format();
    }
}
