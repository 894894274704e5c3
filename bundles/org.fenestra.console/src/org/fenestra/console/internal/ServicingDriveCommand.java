package org.fenestra.console.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.ServicingDrive;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:servicing-drive [PATH|automatic]}: shows or sets the site's servicing drive. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=servicing-drive" })
public final class ServicingDriveCommand extends ConsoleCommand<ServicingDriveCommand.Options> {

    @Command(name = "fenestra:servicing-drive", description = {
            "Shows the servicing drive (where runs make their FenestraOfflineImageServicing work folder), or sets it:",
            "a folder, or 'automatic' (the data folder's file system). A folder that does not exist behaves as Automatic." })
    static final class Options {
        @Parameters(paramLabel = "PATH|automatic", arity = "0..1", description = "the folder to use, or automatic")
        String drive;
    }

    @Reference
    private ServicingDrive drive;

    public ServicingDriveCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        if (options.drive != null) {
            drive.set(options.drive);
        }
        String configured = drive.configured().orElse(null);
        Path effective = drive.effective();
        if (configured == null) {
            return "servicing drive: Automatic (" + effective + ")";
        }
        return "servicing drive: " + configured + (Files.isDirectory(Path.of(configured)) ? ""
                : " (does not exist: runs use Automatic, " + effective + ")");
    }
}
