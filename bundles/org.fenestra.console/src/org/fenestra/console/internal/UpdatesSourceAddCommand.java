package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fenestra:updates-source-add PATH [--name N]}: a folder of update packages, local or UNC. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-source-add" })
public final class UpdatesSourceAddCommand extends ConsoleCommand<UpdatesSourceAddCommand.Options> {

    @Command(name = "fenestra:updates-source-add", description = {
            "Adds an update source: a folder where .msu, .cab and .fpkg packages are dropped.",
            "updates-sync reads its packages into the catalog." },
            footer = "%nPATH may be UNC, in single quotes: '\\\\server\\share\\updates'.")
    static final class Options {
        @Parameters(paramLabel = "PATH", description = "the folder, local or UNC")
        String path;

        @Option(names = "--name", paramLabel = "NAME", description = "the source's name (default: the folder's name)")
        String name;
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesSourceAddCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        UpdateSource source = updates.addSource(options.path, options.name);
        return "Added update source \"" + source.name() + "\" (" + source.path() + "); updates-sync \"" + source.name()
                + "\" reads its packages";
    }
}
