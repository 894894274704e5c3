package org.fenestra.console.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive console's line input: JLine's line editing, history (kept in
 * {@value #HISTORY_FILE} in the data folder) and Tab completion on a terminal; plain lines when
 * input is a pipe or file (JLine's dumb terminal), so scripts can feed it too.
 */
final class InteractiveConsole {

    static final String HISTORY_FILE = "console-history";
    private static final String PROMPT = "fenestra> ";

    private final Path dataFolder;
    private final ConsoleCommands commands;

    InteractiveConsole(Path dataFolder, ConsoleCommands commands) {
        this.dataFolder = dataFolder;
        this.commands = commands;
    }

    /**
     * Reads and runs lines until {@code exit} or end of input.
     *
     * @return 0, or 1 if the terminal failed
     */
    int run(ToIntFunction<String> execute) {
        // exec: the terminal is set up with stty, which needs no native code and no JVM flags.
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).jni(false).ffm(false).exec(true)
                .build()) {
            LineReader reader = reader(terminal);
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being typed, as shells do
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.strip().equals("exit")) {
                    break;
                }
                if (!line.isBlank()) {
                    execute.applyAsInt(line.strip());
                }
            }
            reader.getHistory().save();
            return HeadlessConsole.EXIT_OK;
        } catch (IOException e) {
            return HeadlessConsole.EXIT_COMMAND_FAILED;
        }
    }

    private LineReader reader(Terminal terminal) {
        // Gogo parses the line itself; JLine's parser only splits words for completion. No escapes:
        // UNC paths are full of backslashes.
        DefaultParser words = new DefaultParser().escapeChars(new char[0]).eofOnUnclosedQuote(false);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("fenestra").parser(words)
                .completer(new CommandCompleter(commands))
                .variable(LineReader.HISTORY_FILE, dataFolder.resolve(HISTORY_FILE))
                .variable(LineReader.HISTORY_SIZE, 1000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is not a history reference
                .build();
        return reader;
    }
}
