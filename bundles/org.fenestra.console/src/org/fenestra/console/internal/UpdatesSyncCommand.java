package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.SyncResult;
import org.fenestra.updates.api.UpdateException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:updates-sync [NAME]}: reads the packages of one source, or of all, into the catalog. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-sync" })
public final class UpdatesSyncCommand extends ConsoleCommand<UpdatesSyncCommand.Options> {

    @Command(name = "fenestra:updates-sync", description = {
            "Synchronizes update sources: new packages are added, changed ones read again, removed ones expired;",
            "unchanged files (same size and time) are not read. Packages that cannot be read are listed, and",
            "the command then fails (exit 1); the others are recorded." })
    static final class Options {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "the source (default: every source)")
        String name;
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesSyncCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        SyncResult result = updates.synchronize(options.name, new ConsoleProgress(System.out));
        StringBuilder out = new StringBuilder("Synchronized " + String.join(", ", result.sources()) + ": "
                + result.added() + " added, " + result.changed() + " changed, " + result.unchanged() + " unchanged, "
                + result.expired() + " expired (" + result.filesRead() + " files read)");
        if (result.problems().isEmpty()) {
            return out.toString();
        }
        out.append(System.lineSeparator()).append(result.problems().size()).append(" package(s) not recorded:");
        for (UpdateException problem : result.problems()) {
            out.append(System.lineSeparator()).append("  ").append(problem.getMessage());
        }
        throw new CommandFailedException(out.append(System.lineSeparator()).toString());
    }
}
