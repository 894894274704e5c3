package org.fenestra.logging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Holds the {@code java.util.logging} events of the start-up, before Logback can be reached (in
 * OSGi, SLF4J finds Logback only once the ServiceLoader mediator and Logback have started, and
 * the mediator itself logs through JUL meanwhile), in place of JUL's console handler, which
 * would print them on standard error. Bounded: a start-up that never reaches Logback keeps the
 * first {@value #CAPACITY} events and counts the rest.
 */
final class EarlyJulEvents extends Handler {

    static final int CAPACITY = 1000;

    private final List<LogRecord> records = new ArrayList<>();
    private int dropped;

    /** Replaces the JUL root logger's console handlers by a new instance of this one. */
    static EarlyJulEvents install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        EarlyJulEvents early = new EarlyJulEvents();
        root.addHandler(early);
        return early;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (records.size() < CAPACITY) {
            records.add(record);
        } else {
            dropped++;
        }
    }

    /**
     * Detaches this handler and returns what it held, in order (with a note of how many it had to
     * drop), for a handler that can write them.
     */
    List<LogRecord> detach() {
        Logger.getLogger("").removeHandler(this);
        synchronized (this) {
            List<LogRecord> held = new ArrayList<>(records);
            if (dropped > 0) {
                held.add(new LogRecord(java.util.logging.Level.WARNING,
                        dropped + " start-up log events were dropped before logging was set up"));
            }
            records.clear();
            dropped = 0;
            return held;
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
