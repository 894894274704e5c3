package org.fenestra.catalog.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.CopyOnWriteArrayList;

import org.fenestra.catalog.api.CatalogChange;
import org.fenestra.catalog.api.CatalogListener;
import org.fenestra.catalog.api.ListenerRegistration;

/** The registered {@link CatalogListener}s; one failing listener neither stops the others nor the change. */
final class CatalogListeners {

    private static final System.Logger LOG = System.getLogger(CatalogListeners.class.getName());

    private final CopyOnWriteArrayList<CatalogListener> listeners = new CopyOnWriteArrayList<>();

    ListenerRegistration add(CatalogListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        Registered registered = new Registered(listener);
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    /** Call only after the change committed. */
    void fire(CatalogChange change) {
        for (CatalogListener listener : listeners) {
            try {
                listener.catalogChanged(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A catalog listener failed on " + change, e);
            }
        }
    }

    /** Compared by identity, so one listener registered twice is two entries, each removed by its own close. */
    private static final class Registered implements CatalogListener {
        private final CatalogListener delegate;

        Registered(CatalogListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void catalogChanged(CatalogChange change) {
            delegate.catalogChanged(change);
        }
    }
}
