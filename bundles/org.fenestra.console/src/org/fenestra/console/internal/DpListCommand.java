package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;

/** {@code fenestra:dp-list}: the distribution points registered at the site. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=dp-list" })
public final class DpListCommand extends ConsoleCommand<DpListCommand.Options> {

    @Command(name = "fenestra:dp-list", description = "Lists the distribution points registered at the site.")
    static final class Options {
    }

    @Reference
    private DistributionPoints points;

    public DpListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        TextTable table = new TextTable("NAME", "URL", "PULLS FROM", "CERTIFICATE SHA-256", "ADDED");
        for (DistributionPoint dp : points.list()) {
            table.row(dp.name(), dp.url(), dp.isPullDp() ? dp.pullFrom() : "-", dp.fingerprint(),
                    HumanReadable.dateTime(dp.addedAt()));
        }
        return table.format();
    }
}
