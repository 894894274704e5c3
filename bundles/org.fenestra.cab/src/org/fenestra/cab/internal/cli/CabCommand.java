package org.fenestra.cab.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fenestra.cab.CabEntry;
import org.fenestra.cab.CabProgress;
import org.fenestra.cab.Cabinet;

/**
 * {@code ./fenestra cab list FILE} and {@code ./fenestra cab extract FILE [-d DIR] [-F PATTERN]}:
 * cabextract's {@code -l} and default extraction, with its output. Exit status 0 when all went
 * well, 1 on any error (the message, naming the file, on stderr).
 */
public final class CabCommand {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.ROOT);
    private static final String USAGE = """
            Usage: fenestra cab list FILE...
                   fenestra cab extract FILE... [-d DIR] [-F PATTERN]
              list      list the files of each cabinet (as cabextract -l)
              extract   extract the files (as cabextract); -d: into DIR (default: the current folder),
                        -F: only files whose name matches PATTERN (*, ?, [..]; case ignored)""";

    private final PrintStream out;
    private final PrintStream err;

    CabCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new CabCommand(System.out, System.err).run(args);
        System.out.flush();
        System.exit(status);
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 1 : 0;
        }
        String command = args[0];
        if (!command.equals("list") && !command.equals("extract")) {
            return usage("unknown command " + command);
        }
        List<String> files = new ArrayList<>();
        String dir = null;
        Pattern filter = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("-d") || a.equals("--directory")) && i + 1 < args.length && command.equals("extract")) {
                dir = args[++i];
            } else if ((a.equals("-F") || a.equals("--filter")) && i + 1 < args.length && command.equals("extract")) {
                filter = glob(args[++i]);
            } else if (a.startsWith("-") && !a.equals("-")) {
                return usage("unknown option " + a);
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            return usage("no cabinet file given");
        }
        int errors = 0;
        for (String file : files) {
            boolean ok = command.equals("list") ? list(file) : extract(file, dir, filter);
            errors += ok ? 0 : 1;
        }
        out.println();
        out.println(errors == 0 ? "All done, no errors." : "All done, errors in processing " + errors + " file(s)");
        return errors == 0 ? 0 : 1;
    }

    private int usage(String problem) {
        err.println("fenestra cab: " + problem);
        err.println(USAGE);
        return 1;
    }

    private boolean list(String file) {
        try (Cabinet cab = Cabinet.open(Path.of(file))) {
            out.println("Viewing cabinet: " + file);
            out.println(" File size | Date       Time     | Name");
            out.println("-----------+---------------------+-------------");
            for (CabEntry e : cab.entries()) {
                out.printf(Locale.ROOT, "%10d | %s | %s%n", e.size(), dateTime(e), e.path());
            }
            return true;
        } catch (IOException e) {
            out.flush();
            err.println(message(file, e));
            return false;
        }
    }

    private boolean extract(String file, String dir, Pattern filter) {
        try (Cabinet cab = Cabinet.open(Path.of(file))) {
            out.println("Extracting cabinet: " + file);
            List<CabEntry> selected = new ArrayList<>();
            for (CabEntry e : cab.entries()) {
                if (filter == null || filter.matcher(e.path()).matches()) {
                    selected.add(e);
                }
            }
            for (CabEntry e : selected) {
                out.println("  extracting " + (dir == null ? "" : dir + "/") + e.path());
            }
            cab.extract(selected, Path.of(dir == null ? "." : dir), CabProgress.NONE);
            return true;
        } catch (IOException e) {
            out.flush();
            err.println(message(file, e));
            return false;
        }
    }

    /** The error's message, which names the cabinet; prefixed with it when it does not. */
    private static String message(String file, IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(file) ? m : file + ": " + m;
    }

    private static String dateTime(CabEntry e) {
        return DATE_TIME.format(LocalDateTime.ofInstant(e.modified(), ZoneId.systemDefault()));
    }

    /** cabextract's -F: an fnmatch pattern without FNM_PATHNAME ({@code *} crosses {@code /}), case ignored. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = pattern.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = pattern.substring(i + 1, close);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
