package org.fenestra.catalog.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code upgrade_package} table (migration V11): which {@code os_image} rows are the install.wim
 * of an OS upgrade package, and that package's folder.
 */
final class UpgradePackageTable {

    /** The SQL condition that keeps only OS images' rows of {@code os_image}. */
    static final String IMAGES_ONLY = "image_id NOT IN (SELECT package_id FROM upgrade_package)";

    /** The package's own columns. */
    record Folder(String storedFolder, long folderBytes, int fileCount) {
    }

    void insert(Connection connection, String packageId, Folder folder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO upgrade_package (package_id, stored_folder, folder_bytes, file_count) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, packageId);
            insert.setString(2, folder.storedFolder());
            insert.setLong(3, folder.folderBytes());
            insert.setInt(4, folder.fileCount());
            insert.executeUpdate();
        }
    }

    Optional<Folder> select(Connection connection, String packageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stored_folder, folder_bytes, file_count FROM upgrade_package WHERE package_id = ?")) {
            select.setString(1, packageId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every package's folder, by package ID. */
    Map<String, Folder> selectAll(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT package_id, stored_folder, folder_bytes, file_count FROM upgrade_package");
                ResultSet rows = select.executeQuery()) {
            Map<String, Folder> folders = new LinkedHashMap<>();
            while (rows.next()) {
                folders.put(rows.getString("package_id"), read(rows));
            }
            return folders;
        }
    }

    private static Folder read(ResultSet row) throws SQLException {
        return new Folder(row.getString("stored_folder"), row.getLong("folder_bytes"), row.getInt("file_count"));
    }
}
