package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.catalog.api.CatalogChange;

/**
 * The {@code catalog_change} table: one row per committed change, numbered by an
 * {@link IdCounter} so that rows become visible in number order.
 */
final class ChangeJournal {

    /** A journal row: its number, the change, and the catalog instance that made it. */
    record Entry(long number, CatalogChange change, String origin) {
    }

    /** Rows read per poll at most; a reader far behind catches up over several polls. */
    static final int BATCH = 500;

    private final IdCounter numbers = new IdCounter("catalog_change");

    /** Records {@code change} inside the caller's transaction, so it commits or rolls back with it. */
    void record(Connection connection, CatalogChange change, String origin, Instant at) throws SQLException {
        long number = numbers.next(connection);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO catalog_change (change_id, change_kind, image_id, origin, changed_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, number);
            insert.setString(2, change.kind().name());
            insert.setString(3, change.imageId());
            insert.setString(4, origin);
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** The number of the last committed change, 0 if there is none. */
    long lastNumber(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT MAX(change_id) FROM catalog_change");
                ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Up to {@value #BATCH} changes numbered above {@code after}, in order. */
    List<Entry> readAfter(Connection connection, long after) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT change_id, change_kind, image_id, origin FROM catalog_change WHERE change_id > ? ORDER BY change_id")) {
            read.setLong(1, after);
            read.setMaxRows(BATCH);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    CatalogChange change = new CatalogChange(CatalogChange.Kind.valueOf(rows.getString(2)),
                            rows.getString(3));
                    entries.add(new Entry(rows.getLong(1), change, rows.getString(4)));
                }
            }
        }
        return entries;
    }
}
