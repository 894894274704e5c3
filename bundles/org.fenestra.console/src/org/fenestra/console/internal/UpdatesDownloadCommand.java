package org.fenestra.console.internal;

import org.fenestra.catalog.api.ByteSize;
import java.util.List;

import org.apache.felix.service.command.Function;
import org.fenestra.catalog.api.ByteSize;
import org.fenestra.updates.api.DownloadResult;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdatePackage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:updates-download ID...}: packages into the site's content library. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-download" })
public final class UpdatesDownloadCommand extends ConsoleCommand<UpdatesDownloadCommand.Options> {

    @Command(name = "fenestra:updates-download", description = {
            "Copies update packages into the site's content library, each verified by its SHA-256;",
            "content the library holds already is not stored again." })
    static final class Options {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "update IDs (UPD00001) or articles (KB5031354)")
        List<String> ids;
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesDownloadCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        DownloadResult result = updates.download(options.ids, new ConsoleProgress(System.out));
        StringBuilder out = new StringBuilder();
        for (UpdatePackage update : result.downloaded()) {
            out.append("Downloaded ").append(update.id()).append(' ').append(update.articleId()).append(" (")
                    .append(ByteSize.text(update.sizeBytes())).append(", SHA-256 ").append(update.sha256()).append(')')
                    .append(System.lineSeparator());
        }
        return out.append(ByteSize.text(result.bytesStored())).append(" newly stored in the content library").toString();
    }
}
