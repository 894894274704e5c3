package org.fenestra.updates.internal;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateException.Reason;

/** Runs work in a site database transaction and answers its failures as {@link UpdateException}s. */
final class Transactions {

    /** Thrown inside a transaction to roll it back with an update error other than a database failure. */
    static final class Refusal extends CatalogException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        Refusal(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private final SiteDatabase database;

    Transactions(SiteDatabase database) {
        this.database = database;
    }

    <T> T run(String operation, SiteDatabase.Work<T> work) throws UpdateException {
        try {
            return database.inTransaction(operation, work);
        } catch (Refusal e) {
            throw new UpdateException(e.reason, null, e.getMessage(), e);
        } catch (CatalogException e) {
            throw new UpdateException(Reason.DATABASE, null, e.getMessage(), e);
        }
    }
}
