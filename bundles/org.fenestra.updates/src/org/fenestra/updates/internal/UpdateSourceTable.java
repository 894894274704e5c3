package org.fenestra.updates.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.updates.api.UpdateSource;

/** The {@code update_source} table. */
final class UpdateSourceTable {

    private static final String COLUMNS = "source_name, source_path, added_at, last_sync";

    static String nameKey(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    void insert(Connection connection, UpdateSource source) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO update_source (name_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, nameKey(source.name()));
            insert.setString(2, source.name());
            insert.setString(3, source.path());
            Columns.setInstant(insert, 4, source.added());
            Columns.setInstant(insert, 5, source.lastSync());
            insert.executeUpdate();
        }
    }

    Optional<UpdateSource> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM update_source WHERE name_key = ?")) {
            select.setString(1, nameKey(name));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    List<UpdateSource> list(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM update_source ORDER BY name_key");
                ResultSet rows = select.executeQuery()) {
            List<UpdateSource> sources = new ArrayList<>();
            while (rows.next()) {
                sources.add(read(rows));
            }
            return sources;
        }
    }

    void setLastSync(Connection connection, String name, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE update_source SET last_sync = ? WHERE name_key = ?")) {
            Columns.setInstant(update, 1, at);
            update.setString(2, nameKey(name));
            update.executeUpdate();
        }
    }

    boolean delete(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM update_source WHERE name_key = ?")) {
            delete.setString(1, nameKey(name));
            return delete.executeUpdate() == 1;
        }
    }

    private static UpdateSource read(ResultSet row) throws SQLException {
        return new UpdateSource(row.getString("source_name"), row.getString("source_path"),
                Columns.instant(row, "added_at"), Columns.instant(row, "last_sync"));
    }
}
