package org.fenestra.wim.internal.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Arguments of one command: positionals, flags ({@code --x}) and valued options ({@code --x=v} or {@code --x v}). */
final class CommandLine {
    final List<String> positionals = new ArrayList<>();
    final Set<String> flags = new HashSet<>();
    final List<String[]> options = new ArrayList<>();

    /** Thrown for a malformed command line (exit code -1 → 255 like wimlib-imagex usage errors). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(List<String> args, Set<String> knownFlags, Set<String> valuedOptions)
            throws UsageException {
        CommandLine cl = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                cl.positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!a.startsWith("--")) {
                cl.positionals.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
            if (valuedOptions.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
                cl.options.add(new String[] { name, value });
            } else if (knownFlags.contains(name) && eq < 0) {
                cl.flags.add(name);
            } else {
                throw new UsageException("unrecognized option '" + a + "'");
            }
        }
        return cl;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String option(String name, String fallback) {
        String v = fallback;
        for (String[] o : options) {
            if (o[0].equals(name)) {
                v = o[1];
            }
        }
        return v;
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String[] o : options) {
            if (o[0].equals(name)) {
                out.add(o[1]);
            }
        }
        return out;
    }
}
