package org.fenestra.catalog.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The site database itself, for the bundles that keep their own records in it (software updates,
 * servicing, distribution). Their tables are created by the catalog's migration scripts
 * ({@code org.fenestra.catalog/db/migration/V<N>__*.sql}), so every site server brings the one
 * schema up to date in one place and order; each bundle keeps its SQL in its own table classes.
 *
 * <p>The same DS component as {@link ImageCatalog}: the database is open and migrated whenever
 * this service is registered.
 *
 * @since 0.2
 */
public interface SiteDatabase {

    /** Work inside a transaction; it must not commit, roll back or change auto-commit itself. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, CatalogException;
    }

    /** The databases the site runs on; the SQL of the tables is portable between them. */
    enum Product {
        H2, POSTGRESQL
    }

    /**
     * Runs {@code work} as one transaction on its own connection: committed when it returns,
     * rolled back on any exception, so no failure leaves half-written records.
     *
     * @param operation what is being done, for the error message ("synchronize update source 'KB'")
     * @throws CatalogException the work's own, or one naming the operation for a database failure
     */
    <T> T inTransaction(String operation, Work<T> work) throws CatalogException;

    /** Which database this is, for the few statements that differ (upserts, locking). */
    Product product();

    /** Where the database is, for people: its JDBC URL and user (never the password). */
    String location();
}
