package org.fenestra.catalog.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fenestra.catalog.api.CatalogException;

/**
 * Tells this catalog's listeners about changes other catalog instances (other site servers,
 * workbenches, console processes) committed to the same database, by reading the
 * {@link ChangeJournal} every poll interval on one daemon thread. Changes of its own instance
 * are skipped: they were announced when they committed. A database that is briefly unreachable
 * is logged once and retried on the next poll; nothing is lost, the journal keeps the rows.
 */
final class RemoteChangePoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemoteChangePoller.class.getName());

    private final TransactionRunner transactions;
    private final ChangeJournal journal;
    private final String origin;
    private final CatalogListeners listeners;
    private final ScheduledExecutorService timer;
    private long lastSeen;
    private boolean failing;

    private RemoteChangePoller(TransactionRunner transactions, ChangeJournal journal, String origin,
            CatalogListeners listeners, long lastSeen) {
        this.transactions = transactions;
        this.journal = journal;
        this.origin = origin;
        this.listeners = listeners;
        this.lastSeen = lastSeen;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fenestra-catalog-changes");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts polling for changes committed after now. */
    static RemoteChangePoller start(TransactionRunner transactions, ChangeJournal journal, String origin,
            CatalogListeners listeners, Duration interval) throws CatalogException {
        long now = transactions.inTransaction("read the catalog's last change", journal::lastNumber);
        RemoteChangePoller poller = new RemoteChangePoller(transactions, journal, origin, listeners, now);
        long millis = Math.max(1, interval.toMillis());
        poller.timer.scheduleWithFixedDelay(poller::poll, millis, millis, TimeUnit.MILLISECONDS);
        return poller;
    }

    /** One poll; runs on the timer thread only. */
    private void poll() {
        List<ChangeJournal.Entry> entries;
        try {
            entries = transactions.inTransaction("read the catalog's changes", c -> journal.readAfter(c, lastSeen));
        } catch (CatalogException | RuntimeException e) {
            if (!failing) {
                LOG.log(Level.WARNING, "Cannot read changes from other site servers; retrying", e);
                failing = true;
            }
            return;
        }
        if (failing) {
            LOG.log(Level.INFO, "Reading changes from other site servers again");
            failing = false;
        }
        for (ChangeJournal.Entry entry : entries) {
            lastSeen = entry.number();
            if (!entry.origin().equals(origin)) {
                listeners.fire(entry.change());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
