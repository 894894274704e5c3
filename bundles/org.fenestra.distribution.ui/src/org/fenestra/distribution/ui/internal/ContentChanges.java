package org.fenestra.distribution.ui.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this bundle's views that content status or the DPs changed through the workbench (a
 * distribution, validation or registration finished), so they read the services again. The
 * services have no change events of their own.
 */
public final class ContentChanges {

    private static final List<Runnable> SUBSCRIBERS = new CopyOnWriteArrayList<>();

    private ContentChanges() {
    }

    /** Calls every subscriber (on the calling thread; subscribers hand work to their UI themselves). */
    public static void changed() {
        SUBSCRIBERS.forEach(Runnable::run);
    }

    /** @return closing it stops the calls */
    public static Subscription subscribe(Runnable subscriber) {
        SUBSCRIBERS.add(subscriber);
        return () -> SUBSCRIBERS.remove(subscriber);
    }

    /** A subscription that closes without a checked exception. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
