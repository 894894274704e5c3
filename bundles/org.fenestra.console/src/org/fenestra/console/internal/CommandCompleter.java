package org.fenestra.console.internal;

import java.util.List;
import java.util.Optional;

import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import picocli.CommandLine.Model.OptionSpec;

/**
 * Tab in the interactive console: command names first (every Gogo command, ours also without the
 * {@code fenestra:} prefix), then a Fenestra command's options from its declaration, the values
 * an option declares (e.g. {@code --architecture}), and file names for paths.
 */
final class CommandCompleter implements Completer {

    private final ConsoleCommands commands;
    private final Completer files = new FileNameCompleter();

    CommandCompleter(ConsoleCommands commands) {
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            commands.names().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        Optional<ConsoleCommand<?>> command = commands.find(line.words().get(0));
        if (command.isEmpty()) {
            files.complete(reader, line, candidates);
            return;
        }
        String previous = line.words().get(line.wordIndex() - 1);
        OptionSpec valued = command.get().spec().findOption(previous);
        if (valued != null && valued.arity().max() > 0) {
            if (valued.completionCandidates() != null) {
                valued.completionCandidates().forEach(value -> candidates.add(new Candidate(value)));
            }
            return;
        }
        if (line.word().startsWith("-")) {
            for (OptionSpec option : command.get().spec().options()) {
                String description = option.description().length == 0 ? null : option.description()[0];
                for (String name : option.names()) {
                    candidates.add(new Candidate(name, name, null, description, null, null, true));
                }
            }
            return;
        }
        files.complete(reader, line, candidates);
    }
}
