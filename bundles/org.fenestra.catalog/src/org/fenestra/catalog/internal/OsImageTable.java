package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.GeneralProperties;
import org.fenestra.catalog.api.OsImageRecord;

/** The {@code os_image} table: its SQL and the mapping between rows and {@link OsImageRecord}s. */
final class OsImageTable {

    private static final String COLUMNS = "image_id, image_name, name_key, image_version, image_comment,"
            + " source_path, stored_path, image_index, os_version, os_edition, architecture, os_language,"
            + " size_bytes, date_added, eula_accepted_by, eula_accepted_at, content_version, source_index,"
            + " stored_file_created";

    // Zero-padded IDs sort as text until a site passes 99999 images; the length keeps the order after that.
    private static final String ORDER = " ORDER BY LENGTH(image_id), image_id";

    /** The form of a name that uniqueness is checked on: names equal ignoring case, as on Windows, have one key. */
    static String nameKey(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    void insert(Connection connection, OsImageRecord image) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO os_image (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int column = 0;
            insert.setString(++column, image.id());
            insert.setString(++column, image.name());
            insert.setString(++column, nameKey(image.name()));
            insert.setString(++column, image.version());
            insert.setString(++column, image.comment());
            insert.setString(++column, image.sourcePath());
            insert.setString(++column, image.storedPath());
            insert.setInt(++column, image.imageIndex());
            insert.setString(++column, image.osVersion());
            insert.setString(++column, image.osEdition());
            insert.setString(++column, image.architecture().name());
            insert.setString(++column, image.language());
            insert.setLong(++column, image.sizeBytes());
            insert.setObject(++column, utc(image.dateAdded()));
            insert.setString(++column, image.eulaAcceptance().user());
            insert.setObject(++column, utc(image.eulaAcceptance().acceptedAt()));
            insert.setInt(++column, image.contentVersion());
            insert.setInt(++column, image.sourceIndex());
            insert.setBoolean(++column, image.storedFileCreated());
            insert.executeUpdate();
        }
    }

    Optional<OsImageRecord> selectById(Connection connection, String imageId) throws SQLException {
        return selectOne(connection, "image_id", imageId);
    }

    /** The image or upgrade package with this name: the two share one name space. */
    Optional<OsImageRecord> selectByName(Connection connection, String name) throws SQLException {
        return selectOne(connection, "name_key", nameKey(name));
    }

    /** The OS images, without the rows of upgrade packages' install.wim files. */
    List<OsImageRecord> selectAll(Connection connection) throws SQLException {
        return selectWhere(connection, " WHERE " + UpgradePackageTable.IMAGES_ONLY);
    }

    /** Every row: OS images and upgrade packages' install.wim files, i.e. every servicing target. */
    List<OsImageRecord> selectAllTargets(Connection connection) throws SQLException {
        return selectWhere(connection, "");
    }

    private List<OsImageRecord> selectWhere(Connection connection, String where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM os_image" + where + ORDER);
                ResultSet rows = select.executeQuery()) {
            List<OsImageRecord> images = new ArrayList<>();
            while (rows.next()) {
                images.add(read(rows));
            }
            return images;
        }
    }

    /** @return whether the image exists */
    boolean updateGeneral(Connection connection, String imageId, GeneralProperties properties) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE os_image"
                + " SET image_name = ?, name_key = ?, image_version = ?, image_comment = ? WHERE image_id = ?")) {
            update.setString(1, properties.name());
            update.setString(2, nameKey(properties.name()));
            update.setString(3, properties.version());
            update.setString(4, properties.comment());
            update.setString(5, imageId);
            return update.executeUpdate() == 1;
        }
    }

    /** @return whether the image existed */
    boolean delete(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM os_image WHERE image_id = ?")) {
            delete.setString(1, imageId);
            return delete.executeUpdate() == 1;
        }
    }

    private Optional<OsImageRecord> selectOne(Connection connection, String keyColumn, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM os_image WHERE " + keyColumn + " = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static OsImageRecord read(ResultSet row) throws SQLException {
        return new OsImageRecord(
                row.getString("image_id"),
                row.getString("image_name"),
                row.getString("image_version"),
                row.getString("image_comment"),
                row.getString("source_path"),
                row.getString("stored_path"),
                row.getInt("image_index"),
                row.getString("os_version"),
                row.getString("os_edition"),
                Architecture.valueOf(row.getString("architecture")),
                row.getString("os_language"),
                row.getLong("size_bytes"),
                instant(row, "date_added"),
                new EulaAcceptance(row.getString("eula_accepted_by"), instant(row, "eula_accepted_at")),
                row.getInt("content_version"),
                row.getInt("source_index"),
                row.getBoolean("stored_file_created"));
    }

    // OffsetDateTime is the JDBC 4.2 type of TIMESTAMP WITH TIME ZONE that both drivers map exactly.
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
