package org.fenestra.console.internal;

import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fenestra:help [COMMAND]}: every {@code fenestra:*} command with its one-line description,
 * or one command's usage. The console's sessions search the {@code fenestra} scope first, so a
 * bare {@code help} is this one; Gogo's own stays reachable as {@code felix:help}.
 */
@Component(service = Function.class, property = { "osgi.command.scope=fenestra", "osgi.command.function=help" })
public final class HelpCommand extends ConsoleCommand<HelpCommand.Options> {

    @Command(name = "fenestra:help", description = "Lists the Fenestra commands, or shows one command's usage.")
    static final class Options {
        @Parameters(paramLabel = "COMMAND", arity = "0..1", description = "e.g. image-add or fenestra:image-add")
        String command;
    }

    private ConsoleCommands commands;

    public HelpCommand() {
        super(Options::new);
    }

    @Activate
    void activate(BundleContext context) {
        commands = new ConsoleCommands(context);
    }

    @Override
    Object run(Options options) {
        if (options.command != null) {
            return commands.find(options.command).map(ConsoleCommand::usage)
                    .orElseThrow(() -> new IllegalArgumentException("no Fenestra command " + options.command
                            + "; `help` lists them (felix:help " + options.command + " describes Gogo's own commands)"));
        }
        TextTable table = new TextTable("COMMAND", "DESCRIPTION");
        for (ConsoleCommand<?> command : commands.fenestra()) {
            table.row(command.name(), command.summary());
        }
        return table.format() + System.lineSeparator()
                + "help COMMAND shows a command's options; the fenestra: prefix may be left out."
                + System.lineSeparator()
                + "felix:help lists Gogo's and OSGi's own commands (lb, ...); exit leaves the console.";
    }
}
