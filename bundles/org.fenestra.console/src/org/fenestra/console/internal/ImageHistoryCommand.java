package org.fenestra.console.internal;


import org.fenestra.catalog.api.ByteSize;
import org.apache.felix.service.command.Function;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.ServicingRun;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fenestra:image-history ID}: the image's servicing runs, newest first. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=image-history" })
public final class ImageHistoryCommand extends ConsoleCommand<ImageHistoryCommand.Options> {

    @Command(name = "fenestra:image-history", description = {
            "Lists an OS image's servicing runs, newest first: date, result, updates, size before and after." })
    static final class Options {
        @Parameters(paramLabel = "ID", description = ConsoleCommand.TARGET_ID)
        String id;
    }

    @Reference
    private OfflineServicing servicing;

    public ImageHistoryCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        TextTable table = new TextTable("RUN", "STARTED", "STATUS", "APPLIED", "SIZE BEFORE", "SIZE AFTER", "FILES +/~/-", "MESSAGE");
        for (ServicingRun run : servicing.history(options.id)) {
            table.row(run.runId(), HumanReadable.dateTime(run.startedAt()), run.status()
                    + (run.status() == org.fenestra.servicing.api.RunStatus.IN_PROCESS ? " " + run.percentDone() + "%" : ""),
                    run.applied() + "/" + run.updates().size(), ByteSize.text(run.sizeBefore()),
                    ByteSize.text(run.sizeAfter()), run.filesAdded() + "/" + run.filesChanged() + "/" + run.filesRemoved(),
                    run.message());
        }
        return table.format();
    }
}
