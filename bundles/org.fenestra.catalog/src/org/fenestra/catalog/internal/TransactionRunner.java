package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.SiteDatabase.Work;

/**
 * Runs a unit of catalog work as one transaction on its own connection: committed when the work
 * returns, rolled back on any exception, so no failure leaves half-written records.
 */
final class TransactionRunner {

    private final ConnectionSource connections;

    TransactionRunner(ConnectionSource connections) {
        this.connections = connections;
    }

    /**
     * @param operation what is being done, for the error message ("add OS image 'Windows 11'")
     * @throws CatalogException the work's own, or one naming the operation for a database failure
     */
    <T> T inTransaction(String operation, Work<T> work) throws CatalogException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | CatalogException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new CatalogException("Cannot " + operation + " in the catalog " + connections.describe()
                    + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The failure that caused the rollback is what the caller needs; closing the connection
            // without commit discards the transaction anyway.
            failure.addSuppressed(e);
        }
    }
}
