package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.content.api.ImageImporter;
import org.fenestra.content.api.ImportException;
import org.fenestra.content.api.ImportRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:image-add PATH --accept-eula [--index N] ...}: the Add Operating System Image
 * wizard for scripts. {@code --index} extracts that image into a new WIM beside the source and
 * imports only it.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-add" })
public final class ImageAddCommand extends ConsoleCommand<ImageAddCommand.Options> {

    static final String UNC_NOTE = "%nPATH may be UNC, in single quotes: '\\\\server\\share\\install.wim' or"
            + " '//server/share/install.wim'%n(unquoted, Gogo reads \\ as an escape and // as the start of a comment).";

    @Command(name = "fenestra:image-add", description = {
            "Adds an OS image from a WIM file to the site catalog, as the Add Operating System Image wizard does.",
            "A failed or cancelled add adds nothing and leaves no file." }, footer = UNC_NOTE)
    static final class Options {
        @Parameters(paramLabel = "PATH", description = "the .wim or .esd file, local or UNC")
        String path;

        @Option(names = "--accept-eula", description = "accept the image's license terms (required)")
        boolean acceptEula;

        @Option(names = "--index", paramLabel = "N", description = "extract image N (from 1; image-indexes lists them)"
                + " into FILE-indexN.wim beside the source and add only it; without it the whole file is added")
        Integer index;

        @Option(names = "--name", paramLabel = "NAME", description = "catalog name (default: the file name)")
        String name;

        @Option(names = "--version", paramLabel = "V", description = "your version label")
        String version;

        @Option(names = "--comment", paramLabel = "C", description = "a comment")
        String comment;

        @Option(names = "--architecture", paramLabel = "ARCH", completionCandidates = Architectures.class,
                description = "x86, x64 or arm64 (default: from the WIM; required when the WIM records none)")
        String architecture;

        @Option(names = "--language", paramLabel = "TAG", description = "a BCP 47 tag such as en-US (default: from the WIM)")
        String language;
    }

    /** What Tab offers after {@code --architecture}. */
    static final class Architectures extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Architectures() {
            super(List.of("x86", "x64", "arm64"));
        }
    }

    @Reference
    private ImageImporter importer;

    public ImageAddCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.index != null && options.index < 1) {
            throw new IllegalArgumentException("--index counts images from 1 (fenestra:image-indexes PATH lists them);"
                    + " leave --index out to add the whole file");
        }
        ImportRequest request = new ImportRequest(options.path, options.acceptEula ? System.getProperty("user.name") : null,
                options.index == null ? 0 : options.index, options.name, options.version, options.comment,
                options.architecture, options.language);
        OsImageRecord added;
        try {
            added = importer.importImage(request, new ConsoleProgress(System.out));
        } catch (ImportException e) {
            throw inConsoleTerms(e);
        }
        return "Added " + added.id() + " \"" + added.name() + "\" (" + added.storedPath() + ", image "
                + added.sourceIndex() + " of " + added.sourcePath() + ")";
    }

    /** The importer speaks for the wizard too; here the admin fixes things with options, so name them. */
    private static ImportException inConsoleTerms(ImportException e) {
        String message = switch (e.reason()) {
            case EULA_NOT_ACCEPTED -> "accept the license terms of the image with --accept-eula to add it; nothing was added";
            case ARCHITECTURE_UNKNOWN -> e.getMessage().replace("give it explicitly (x86, x64 or arm64)",
                    "give it with --architecture x86|x64|arm64");
            default -> null;
        };
        return message == null ? e : new ImportException(e.reason(), message, e);
    }
}
