package org.fenestra.console.internal;

import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Function;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fenestra:updates-list [--image ID] [--filter TEXT] [--arch x86|x64|arm64|all] [--superseded]}. */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=updates-list" })
public final class UpdatesListCommand extends ConsoleCommand<UpdatesListCommand.Options> {

    @Command(name = "fenestra:updates-list", description = {
            "Lists the software updates in the catalog, or with --image those that apply to an OS image",
            "(its architecture and build, not installed in it, not superseded by another applicable one)." })
    static final class Options {
        @Option(names = "--image", paramLabel = "ID", description = "only the updates applicable to this image")
        String image;

        @Option(names = "--filter", paramLabel = "TEXT", description = "only updates whose article, title, classification,"
                + " product or file contains TEXT (ignoring case)")
        String filter;

        @Option(names = "--arch", paramLabel = "ARCH", completionCandidates = Architectures.class,
                description = "x86, x64, arm64 or all (default); neutral updates are listed under each")
        String arch;

        @Option(names = "--superseded", description = "also list superseded updates")
        boolean superseded;

        @Option(names = "--expired", description = "also list updates whose file is gone from their source")
        boolean expired;
    }

    /** What Tab offers after {@code --arch}. */
    static final class Architectures extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Architectures() {
            super(List.of("x86", "x64", "arm64", "all"));
        }
    }

    @Reference
    private SoftwareUpdates updates;

    public UpdatesListCommand() {
        super(Options::new);
    }

    @Override
    Object run(Options options) throws Exception {
        UpdateFilter filter = new UpdateFilter(options.filter, architecture(options.arch), options.superseded, options.expired);
        List<UpdatePackage> list = options.image == null ? updates.list(filter) : updates.applicable(options.image, filter);
        TextTable table = new TextTable("ID", "ARTICLE", "TITLE", "CLASSIFICATION", "ARCH", "RELEASED", "TYPE", "OFFLINE",
                "STATE", "SUPERSEDED BY");
        for (UpdatePackage update : list) {
            table.row(update.id(), update.articleId(), update.title(), update.classification(),
                    update.architecture().identityName(), update.releaseDate() == null ? "" : update.releaseDate(),
                    update.packageType(), update.offlineServiceable().name().toLowerCase(Locale.ROOT),
                    update.state().name().toLowerCase(Locale.ROOT), String.join(" ", update.supersededBy()));
        }
        return table.format();
    }

    private static UpdateArchitecture architecture(String text) {
        if (text == null || text.equalsIgnoreCase("all")) {
            return null;
        }
        return UpdateArchitecture.parse(text).filter(a -> a != UpdateArchitecture.NEUTRAL)
                .orElseThrow(() -> new IllegalArgumentException("--arch is x86, x64, arm64 or all, not '" + text + "'"));
    }
}
