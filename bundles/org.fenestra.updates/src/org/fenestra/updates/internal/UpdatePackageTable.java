package org.fenestra.updates.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fenestra.updates.api.ApplicableBuild;
import org.fenestra.updates.api.OfflineServiceable;
import org.fenestra.updates.api.PackageIdentity;
import org.fenestra.updates.api.PackageType;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;

/**
 * The {@code software_update} table: one row per package file of a source, with the fingerprint
 * (size, modification time, SHA-256) the incremental synchronize compares.
 */
final class UpdatePackageTable {

    /** What synchronize knows of a file it recorded before. */
    record StoredFile(String id, long size, long modifiedMillis, String sha256, UpdateState state) {
    }

    private static final String COLUMNS = "update_id, source_key, source_name, relative_path, source_path, file_size,"
            + " file_modified_ms, sha256, package_type, article_id, title, classification, product, architecture,"
            + " package_identity, applicable_builds, supersedes, release_date, offline_serviceable, offline_reason,"
            + " payloads, diagnostic, update_state, synchronized_at";

    // Zero-padded IDs sort as text until 99999 packages; the length keeps the order after that.
    private static final String ORDER = " ORDER BY LENGTH(update_id), update_id";

    String nextId(Connection connection) throws SQLException {
        try (PreparedStatement increment = connection.prepareStatement(
                "UPDATE id_counter SET last_value = last_value + 1 WHERE counter_name = 'software_update'")) {
            if (increment.executeUpdate() != 1) {
                throw new SQLException("The id_counter row 'software_update' is missing; the schema is damaged");
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM id_counter WHERE counter_name = 'software_update'");
                ResultSet row = read.executeQuery()) {
            row.next();
            return String.format("UPD%05d", row.getLong(1));
        }
    }

    void insert(Connection connection, UpdatePackage update, String relativePath, long modifiedMillis) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO software_update (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, update.id());
            int column = bindFields(insert, 2, update, relativePath, modifiedMillis);
            assert column == 25;
            insert.executeUpdate();
        }
    }

    /** Replaces every field of the row {@code update.id()} (its file changed and was read again). */
    void replace(Connection connection, UpdatePackage update, String relativePath, long modifiedMillis) throws SQLException {
        String assignments = COLUMNS.substring(COLUMNS.indexOf(',') + 1).replace(",", " = ?,") + " = ?";
        try (PreparedStatement replace = connection.prepareStatement(
                "UPDATE software_update SET " + assignments + " WHERE update_id = ?")) {
            int column = bindFields(replace, 1, update, relativePath, modifiedMillis);
            replace.setString(column, update.id());
            if (replace.executeUpdate() != 1) {
                throw new SQLException("software update " + update.id() + " vanished while it was being replaced");
            }
        }
    }

    private static int bindFields(PreparedStatement statement, int first, UpdatePackage update, String relativePath,
            long modifiedMillis) throws SQLException {
        int column = first;
        statement.setString(column++, UpdateSourceTable.nameKey(update.sourceName()));
        statement.setString(column++, update.sourceName());
        statement.setString(column++, relativePath);
        statement.setString(column++, update.sourcePath());
        statement.setLong(column++, update.sizeBytes());
        statement.setLong(column++, modifiedMillis);
        statement.setString(column++, update.sha256());
        statement.setString(column++, update.packageType().name());
        statement.setString(column++, update.articleId());
        statement.setString(column++, update.title());
        statement.setString(column++, update.classification());
        statement.setString(column++, update.product());
        statement.setString(column++, update.architecture().name());
        statement.setString(column++, update.identity() == null ? null : update.identity().text());
        statement.setString(column++, Columns.lines(update.applicableBuilds(), ApplicableBuild::text));
        statement.setString(column++, Columns.lines(update.supersedes(), s -> s));
        Columns.setDate(statement, column++, update.releaseDate());
        statement.setString(column++, update.offlineServiceable().name());
        statement.setString(column++, update.offlineReason());
        statement.setString(column++, Columns.lines(update.payloads(), s -> s));
        statement.setString(column++, update.diagnostic());
        statement.setString(column++, update.state().name());
        Columns.setInstant(statement, column++, update.synchronizedAt());
        return column;
    }

    /** The files recorded for a source, by relative path. */
    Map<String, StoredFile> files(Connection connection, String sourceName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT update_id, relative_path, file_size,"
                + " file_modified_ms, sha256, update_state FROM software_update WHERE source_key = ?")) {
            select.setString(1, UpdateSourceTable.nameKey(sourceName));
            try (ResultSet rows = select.executeQuery()) {
                Map<String, StoredFile> files = new HashMap<>();
                while (rows.next()) {
                    files.put(rows.getString("relative_path"), new StoredFile(rows.getString("update_id"),
                            rows.getLong("file_size"), rows.getLong("file_modified_ms"), rows.getString("sha256"),
                            UpdateState.valueOf(rows.getString("update_state"))));
                }
                return files;
            }
        }
    }

    /** The file's content is the same (same hash) but its time changed: remember the new time, read nothing. */
    void touch(Connection connection, String id, long modifiedMillis, UpdateState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE software_update SET file_modified_ms = ?, update_state = ? WHERE update_id = ?")) {
            update.setLong(1, modifiedMillis);
            update.setString(2, state.name());
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    void setState(Connection connection, String id, UpdateState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE software_update SET update_state = ? WHERE update_id = ?")) {
            update.setString(1, state.name());
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** A removed source: records never downloaded go; downloaded ones stay, expired. */
    void removeSource(Connection connection, String sourceName) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM software_update WHERE source_key = ? AND update_state <> 'DOWNLOADED'")) {
            delete.setString(1, UpdateSourceTable.nameKey(sourceName));
            delete.executeUpdate();
        }
        try (PreparedStatement expire = connection.prepareStatement(
                "UPDATE software_update SET update_state = 'EXPIRED' WHERE source_key = ?")) {
            expire.setString(1, UpdateSourceTable.nameKey(sourceName));
            expire.executeUpdate();
        }
    }

    /** Every package, with an empty superseded-by (computed over the whole list by {@link Supersedence}). */
    List<UpdatePackage> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM software_update" + ORDER);
                ResultSet rows = select.executeQuery()) {
            List<UpdatePackage> updates = new ArrayList<>();
            while (rows.next()) {
                updates.add(read(rows));
            }
            return updates;
        }
    }

    Optional<UpdatePackage> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM software_update WHERE update_id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    private static UpdatePackage read(ResultSet row) throws SQLException {
        String identity = row.getString("package_identity");
        Instant synced = Columns.instant(row, "synchronized_at");
        return new UpdatePackage(row.getString("update_id"), row.getString("article_id"), row.getString("title"),
                row.getString("classification"), row.getString("product"),
                UpdateArchitecture.valueOf(row.getString("architecture")),
                identity == null ? null : PackageIdentity.parse(identity),
                Columns.lines(row.getString("applicable_builds"), ApplicableBuild::parse),
                Columns.lines(row.getString("supersedes"), s -> s), List.of(), Columns.date(row, "release_date"),
                PackageType.valueOf(row.getString("package_type")),
                OfflineServiceable.valueOf(row.getString("offline_serviceable")), row.getString("offline_reason"),
                Columns.lines(row.getString("payloads"), s -> s), row.getLong("file_size"), row.getString("sha256"),
                row.getString("source_name"), row.getString("source_path"),
                UpdateState.valueOf(row.getString("update_state")), row.getString("diagnostic"), synced);
    }
}
