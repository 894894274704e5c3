package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the catalog database; each caller closes the connection it opened. */
interface ConnectionSource extends AutoCloseable {

    Connection open() throws SQLException;

    SqlDialect dialect();

    /** Where the database is, for messages (never with a password). */
    String describe();

    /** Releases what the source itself holds; connections handed out stay the callers'. */
    @Override
    void close();
}
