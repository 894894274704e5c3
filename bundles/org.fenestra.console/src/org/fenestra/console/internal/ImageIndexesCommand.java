package org.fenestra.console.internal;

import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimImageInfo;
import org.osgi.service.component.annotations.Component;

/** {@code fenestra:image-indexes PATH}: the images inside a WIM, to choose the one to import. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-indexes" })
public final class ImageIndexesCommand extends ConsoleCommand {

    public ImageIndexesCommand() {
        super("fenestra:image-indexes PATH   (a .wim or .esd file)", 1, 1);
    }

    @Override
    Object run(List<String> arguments) throws Exception {
        try (WimFile wim = WimFile.open(Path.of(arguments.get(0)))) {
            TextTable table = new TextTable("INDEX", "NAME", "EDITION", "ARCH", "LANGUAGE", "TOTAL BYTES", "BOOT");
            for (WimImageInfo image : wim.images()) {
                table.row(image.index(), image.name(), image.editionId(),
                        image.hasWindowsInfo() ? ArchitectureNames.of(image.architecture()) : "",
                        image.defaultLanguage(), image.totalBytes(), image.index() == wim.bootIndex() ? "yes" : "");
            }
            return table.format();
        }
    }
}
