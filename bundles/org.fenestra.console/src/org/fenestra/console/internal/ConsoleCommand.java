package org.fenestra.console.internal;

import java.util.List;
import java.util.function.Supplier;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code fenestra:} command: its options are declared once, as picocli annotations on an options
 * class, and parsing, usage, {@code help} and Tab completion all come from that declaration. A new
 * command is a DS component that extends this with its options class and its logic:
 *
 * <pre>
 * &#64;Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=dp-list" })
 * public final class DpListCommand extends ConsoleCommand&lt;DpListCommand.Options&gt; {
 *     &#64;Command(name = "fenestra:dp-list", description = "Lists the distribution points.")
 *     static final class Options { &#64;Option(names = "--site") String site; }
 *     public DpListCommand() { super(Options::new); }
 *     &#64;Override Object run(Options options) { ... }
 * }
 * </pre>
 *
 * Gogo maps names with a dash ({@code image-list}) to no Java method, so each command is a
 * {@link Function} service of its own; its {@code osgi.command.function} must be the part of the
 * picocli name after {@value #SCOPE}{@code :} (a test checks every command).
 *
 * @param <O> the options class; a fresh instance is filled for every run, so concurrent sessions
 *            never share option values
 */
abstract class ConsoleCommand<O> implements Function {

    static final String SCOPE = "fenestra";
    /**
     * What a servicing command's ID names: images and upgrade packages share one ID space, so a package's
     * install.wim is addressed by the package's ID (a servicing target).
     */
    static final String TARGET_ID = "an OS image's or OS upgrade package's ID, e.g. FEN00001 (image-list and"
            + " upgrade-list show them); a package's sources\\install.wim is serviced";

    private final Supplier<O> newOptions;

    ConsoleCommand(Supplier<O> newOptions) {
        this.newOptions = newOptions;
    }

    /** The command's logic on parsed options; its result is printed, a thrown exception is an error (exit 1). */
    abstract Object run(O options) throws Exception;

    @Override
    public final Object execute(CommandSession session, List<Object> arguments) throws Exception {
        O options = newOptions.get();
        CommandLine parser = parser(options);
        try {
            parser.parseArgs(arguments.stream().map(String::valueOf).toArray(String[]::new));
        } catch (ParameterException e) {
            // What was wrong, the synopsis, and where the details are: the full usage would bury the error.
            Help help = parser.getHelp();
            throw new IllegalArgumentException(e.getMessage() + System.lineSeparator() + help.synopsisHeading()
                    + help.synopsis(help.synopsisHeadingLength()).stripTrailing() + System.lineSeparator()
                    + "(help " + function() + " describes every option)");
        }
        if (parser.isUsageHelpRequested()) {
            return usage(parser);
        }
        return run(options);
    }

    /** {@code fenestra:image-add}: the name an admin types. */
    final String name() {
        return spec().name();
    }

    /** The function part of the name, as Gogo registers it. */
    final String function() {
        return name().substring(name().indexOf(':') + 1);
    }

    /** The first line of the description, for {@code help}'s list. */
    final String summary() {
        String[] description = spec().usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    final String usage() {
        return usage(parser(newOptions.get()));
    }

    /** The declared options and parameters, for help and completion. */
    final CommandSpec spec() {
        return parser(newOptions.get()).getCommandSpec();
    }

    private static String usage(CommandLine parser) {
        return parser.getUsageMessage(Help.Ansi.OFF).stripTrailing();
    }

    private CommandLine parser(O options) {
        CommandLine parser = new CommandLine(options);
        // "@file" would read arguments from a file: a path starting with @ is just a path here.
        parser.setExpandAtFiles(false);
        parser.setUsageHelpWidth(100);
        parser.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        parser.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this usage.").build());
        return parser;
    }
}
