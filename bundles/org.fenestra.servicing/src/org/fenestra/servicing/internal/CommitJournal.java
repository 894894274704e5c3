package org.fenestra.servicing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.fenestra.servicing.api.RunStatus;

/**
 * The SQL of {@code servicing_commit} (catalog migration V7): the row a run writes before it renames
 * the serviced WIM over the catalog's file and removes in the transaction that records the commit.
 * A row that outlives its process says a swap was under way; the new WIM's SHA-256 tells whether the
 * rename happened.
 */
final class CommitJournal {

    /** One pending swap: what was to replace what, and what the run becomes once it did. */
    record Entry(long runId, String imageId, String storedPath, String temporaryPath, String newSha256, long sizeAfter,
            RunStatus finalStatus, String finalMessage, List<String> appliedIds) {
    }

    void write(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO servicing_commit (run_id, image_id, "
                + "stored_path, temporary_path, new_sha256, size_after, final_status, final_message, applied_ids) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.runId());
            insert.setString(2, entry.imageId());
            insert.setString(3, entry.storedPath());
            insert.setString(4, entry.temporaryPath());
            insert.setString(5, entry.newSha256());
            insert.setLong(6, entry.sizeAfter());
            insert.setString(7, entry.finalStatus().name());
            insert.setString(8, ServicingRunTable.clip(entry.finalMessage()));
            insert.setString(9, ServicingRunTable.clip(String.join("\n", entry.appliedIds())));
            insert.executeUpdate();
        }
    }

    /** The run's pending swap, or null. */
    Entry get(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT run_id, image_id, stored_path, temporary_path, "
                + "new_sha256, size_after, final_status, final_message, applied_ids FROM servicing_commit WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String ids = row.getString(9);
                return new Entry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getLong(6), RunStatus.valueOf(row.getString(7)), row.getString(8),
                        ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n")));
            }
        }
    }

    void remove(Connection connection, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM servicing_commit WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }
}
