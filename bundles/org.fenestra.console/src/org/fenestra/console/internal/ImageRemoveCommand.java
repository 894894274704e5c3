package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.content.api.ImageRemover;
import org.fenestra.content.api.RemovedImage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:image-remove ID [--keep-files]}: removes the image and the WIM its import extracted. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-remove" })
public final class ImageRemoveCommand extends ConsoleCommand<ImageRemoveCommand.Options> {

    @Command(name = "fenestra:image-remove", description = {
            "Removes an OS image from the catalog and deletes the WIM its import extracted.",
            "A source file added as it is (without --index) is never deleted." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = "the image's ID, e.g. FEN00001")
        String id;

        @Option(names = "--keep-files", description = "keep the extracted WIM on disk or share")
        boolean keepFiles;
    }

    @Reference
    private ImageRemover remover;

    public ImageRemoveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        RemovedImage removed = remover.remove(options.id, options.keepFiles);
        StringBuilder out = new StringBuilder("Removed " + removed.image().id() + " \"" + removed.image().name() + "\"");
        removed.deletedFiles().forEach(file -> out.append("; deleted ").append(file));
        if (!removed.problem().isEmpty()) {
            throw new CommandFailedException(out + "; " + removed.problem() + " (delete it by hand)");
        }
        removed.keptFiles().forEach(file -> out.append("; kept ").append(file));
        return out.toString();
    }
}
