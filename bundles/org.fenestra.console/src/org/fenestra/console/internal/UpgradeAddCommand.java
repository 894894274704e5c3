package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.catalog.api.UpgradePackageRecord;
import org.fenestra.content.api.UpgradePackageImporter;
import org.fenestra.content.api.UpgradePackageRequest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:upgrade-add PATH [--name --version --comment --index]}: the Add Operating System Upgrade Package wizard for scripts. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=upgrade-add" })
public final class UpgradeAddCommand extends ConsoleCommand<UpgradeAddCommand.Options> {

    @Command(name = "fenestra:upgrade-add", description = {
            "Adds an OS upgrade package: copies a Windows setup media folder (setup.exe, sources\\install.wim and the",
            "rest) into the data folder and records it. Its install.wim is serviced like an OS image (servicing-* ID);",
            "servicing never changes the package's other files. A failed or cancelled add leaves nothing." },
            footer = "%nPATH may be UNC, in single quotes: '\\\\server\\share\\Win11_23H2' or '//server/share/Win11_23H2'.")
    static final class Options {
        @Parameters(paramLabel = "PATH", description = "the setup media folder, local or UNC")
        String path;

        @Option(names = "--name", paramLabel = "NAME", description = "catalog name (default: the folder's name)")
        String name;

        @Option(names = "--version", paramLabel = "V", description = "your version label")
        String version;

        @Option(names = "--comment", paramLabel = "C", description = "a comment")
        String comment;

        @Option(names = "--index", paramLabel = "N", description = "the index of sources\\install.wim to service (default 1)")
        int index;
    }

    @Reference
    private UpgradePackageImporter importer;

    public UpgradeAddCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.index < 0) {
            throw new IllegalArgumentException("--index counts images from 1");
        }
        UpgradePackageRecord added = importer.importPackage(new UpgradePackageRequest(options.path, options.name,
                options.version, options.comment, options.index, System.getProperty("user.name")),
                new ConsoleProgress(System.out));
        return "Added OS upgrade package " + added.id() + " \"" + added.name() + "\" (" + added.fileCount() + " files, "
                + ByteSize.text(added.folderBytes()) + ", copied to " + added.storedFolder() + ")";
    }
}
