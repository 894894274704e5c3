package org.fenestra.console.internal;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/**
 * A {@code fenestra:} command whose name has a dash ({@code image-list}): Gogo maps such
 * names to no Java method, so each is a {@link Function} service of its own. Subclasses
 * declare their usage and get the arguments as strings, already counted.
 */
abstract class ConsoleCommand implements Function {

    private final String usage;
    private final int minArguments;
    private final int maxArguments;

    /** @param usage e.g. {@code fenestra:image-show ID}, shown on {@code --help} and on a wrong argument count */
    ConsoleCommand(String usage, int minArguments, int maxArguments) {
        this.usage = usage;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    abstract Object run(List<String> arguments) throws Exception;

    String usage() {
        return usage;
    }

    @Override
    public final Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> strings = arguments.stream().map(String::valueOf).toList();
        if (strings.contains("--help") || strings.size() < minArguments || strings.size() > maxArguments) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return run(strings);
    }
}
