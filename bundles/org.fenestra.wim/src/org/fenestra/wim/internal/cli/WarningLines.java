package org.fenestra.wim.internal.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The engine's log lines as the command line shows them: warnings as wimlib-imagex prints its
 * own ("[WARNING] ..."), nothing below. Outside OSGi the engine's {@code System.Logger} goes to
 * java.util.logging, whose default console handler would add a date and class header line.
 */
final class WarningLines {
    private WarningLines() {
    }

    /** Replaces the root logger's handlers with one printing warnings and errors on {@code err}. */
    static void install(PrintStream err) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    err.print(getFormatter().format(r));
                    err.flush();
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String level = r.getLevel().intValue() >= Level.SEVERE.intValue() ? "ERROR" : "WARNING";
                return "[" + level + "] " + formatMessage(r) + "\n";
            }
        });
        handler.setLevel(Level.WARNING);
        root.setLevel(Level.WARNING);
        root.addHandler(handler);
    }
}
