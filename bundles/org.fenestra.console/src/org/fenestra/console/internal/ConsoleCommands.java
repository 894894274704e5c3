package org.fenestra.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The commands registered now: ours with their declarations, and every Gogo command's name. */
final class ConsoleCommands {

    private final BundleContext context;

    ConsoleCommands(BundleContext context) {
        this.context = context;
    }

    /** Every {@code fenestra:*} command, by name. */
    List<ConsoleCommand<?>> fenestra() {
        List<ConsoleCommand<?>> commands = new ArrayList<>();
        try {
            for (ServiceReference<Function> reference : context.getServiceReferences(Function.class,
                    "(" + CommandProcessor.COMMAND_SCOPE + "=" + ConsoleCommand.SCOPE + ")")) {
                Function service = context.getService(reference);
                try {
                    if (service instanceof ConsoleCommand<?> command) {
                        commands.add(command);
                    }
                } finally {
                    context.ungetService(reference);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        commands.sort(Comparator.comparing(ConsoleCommand::name));
        return commands;
    }

    /** Ours by {@code fenestra:NAME} or {@code NAME}. */
    Optional<ConsoleCommand<?>> find(String name) {
        String function = name.startsWith(ConsoleCommand.SCOPE + ":") ? name.substring(ConsoleCommand.SCOPE.length() + 1)
                : name;
        return fenestra().stream().filter(c -> c.function().equals(function)).findFirst();
    }

    /** {@code scope:function} of every Gogo command, and the bare function of ours (the console's SCOPE finds them first). */
    List<String> names() {
        List<String> names = new ArrayList<>();
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(" + CommandProcessor.COMMAND_FUNCTION + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            Object scope = reference.getProperty(CommandProcessor.COMMAND_SCOPE);
            Object functions = reference.getProperty(CommandProcessor.COMMAND_FUNCTION);
            for (Object function : functions instanceof Object[] array ? array : new Object[] { functions }) {
                names.add(scope + ":" + function);
                if (ConsoleCommand.SCOPE.equals(scope)) {
                    names.add(String.valueOf(function));
                }
            }
        }
        return names.stream().distinct().sorted().toList();
    }
}
