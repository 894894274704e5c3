package org.fenestra.wim.internal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.wim.model.UpdateCommand;

/**
 * One line of {@code wimlib-imagex update}'s command input: {@code add [--no-replace] SRC DEST},
 * {@code delete [--force] [--recursive] PATH}, {@code rename OLD NEW}. Words are separated by
 * blanks and may be quoted with " or '; blank lines and lines starting with # are skipped.
 */
final class UpdateCommandParser {
    private UpdateCommandParser() {
    }

    /** The command on {@code line}, or null for a blank or comment line. */
    static UpdateCommand parse(String line) throws CommandLine.UsageException {
        List<String> words = words(line);
        if (words.isEmpty() || words.get(0).startsWith("#")) {
            return null;
        }
        String name = words.get(0);
        List<String> args = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        boolean endOfOptions = false;
        for (String w : words.subList(1, words.size())) {
            if (!endOfOptions && w.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && w.startsWith("--")) {
                flags.add(w.substring(2));
            } else {
                args.add(w);
            }
        }
        switch (name) {
            case "add" -> {
                allow(name, flags, List.of("no-replace", "verbose", "unix-data", "no-acls", "strict-acls", "rpfix",
                        "norpfix"));
                need(name, args, 2);
                return new UpdateCommand.Add(Path.of(args.get(0)), args.get(1), flags.contains("no-replace"));
            }
            case "delete" -> {
                allow(name, flags, List.of("force", "recursive"));
                need(name, args, 1);
                return new UpdateCommand.Delete(args.get(0), flags.contains("force"), flags.contains("recursive"));
            }
            case "rename" -> {
                allow(name, flags, List.of());
                need(name, args, 2);
                return new UpdateCommand.Rename(args.get(0), args.get(1));
            }
            default -> throw new CommandLine.UsageException("Unknown update command \"" + name + "\" in \"" + line
                    + "\"");
        }
    }

    private static void allow(String cmd, List<String> flags, List<String> known) throws CommandLine.UsageException {
        for (String f : flags) {
            if (!known.contains(f)) {
                throw new CommandLine.UsageException("\"" + cmd + "\" does not take the option --" + f);
            }
        }
    }

    private static void need(String cmd, List<String> args, int n) throws CommandLine.UsageException {
        if (args.size() != n) {
            throw new CommandLine.UsageException("\"" + cmd + "\" takes " + n + " path" + (n == 1 ? "" : "s")
                    + ", got " + args.size());
        }
    }

    private static List<String> words(String line) throws CommandLine.UsageException {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                if (w == null) {
                    w = new StringBuilder();
                }
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                if (w == null) {
                    w = new StringBuilder();
                }
                w.append(c);
            }
        }
        if (quote != 0) {
            throw new CommandLine.UsageException("unterminated quote in update command \"" + line + "\"");
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
