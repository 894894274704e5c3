package org.fenestra.updates.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.updates.api.ImageUpdates;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.InstalledUpdate.Origin;
import org.fenestra.updates.api.OsBuild;
import org.fenestra.updates.api.PackageIdentity;

/** The {@code image_update_scan} and {@code image_installed_update} tables: what each image holds. */
final class InstalledUpdateTable {

    /**
     * Replaces what a scan of the image found (its version and its in-image packages); what servicing
     * applied stays.
     */
    void replaceScan(Connection connection, ImageUpdates scan) throws SQLException {
        lockImage(connection, scan.imageId());
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM image_update_scan WHERE image_id = ?")) {
            delete.setString(1, scan.imageId());
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM image_installed_update WHERE image_id = ? AND origin = ?")) {
            delete.setString(1, scan.imageId());
            delete.setString(2, Origin.IN_IMAGE.name());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO image_update_scan (image_id, os_build, architecture, scanned_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, scan.imageId());
            insert.setString(2, scan.osBuild().toString());
            insert.setString(3, scan.architecture().name());
            Columns.setInstant(insert, 4, scan.scannedAt());
            insert.executeUpdate();
        }
        for (InstalledUpdate installed : scan.installed()) {
            if (installed.origin() == Origin.IN_IMAGE) {
                insert(connection, scan.imageId(), installed);
            }
        }
    }

    /** Records a package servicing applied (again, if it was applied before: the newer record wins). */
    void addApplied(Connection connection, String imageId, InstalledUpdate applied) throws SQLException {
        lockImage(connection, imageId);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM image_installed_update WHERE image_id = ? AND origin = ? AND identity_key = ?")) {
            delete.setString(1, imageId);
            delete.setString(2, Origin.APPLIED.name());
            delete.setString(3, key(applied.identity()));
            delete.executeUpdate();
        }
        insert(connection, imageId, applied);
    }

    /**
     * Locks the image's catalog row until the transaction ends, so two scans of one image (the import
     * listener and an admin's request, or two site servers) replace its records one after the other.
     */
    private static void lockImage(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT image_id FROM os_image WHERE image_id = ? FOR UPDATE")) {
            lock.setString(1, imageId);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the OS image " + imageId + " was removed meanwhile");
                }
            }
        }
    }

    private static void insert(Connection connection, String imageId, InstalledUpdate installed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO image_installed_update (image_id,"
                + " identity_key, package_identity, article_id, release_type, origin, update_id, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, imageId);
            insert.setString(2, key(installed.identity()));
            insert.setString(3, installed.identity().text());
            insert.setString(4, installed.articleId());
            insert.setString(5, installed.releaseType());
            insert.setString(6, installed.origin().name());
            insert.setString(7, installed.updateId());
            Columns.setInstant(insert, 8, installed.recordedAt());
            insert.executeUpdate();
        }
    }

    /** What the image holds, or empty if it was never scanned. */
    Optional<ImageUpdates> read(Connection connection, String imageId) throws SQLException {
        ImageUpdates scan;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT os_build, architecture, scanned_at FROM image_update_scan WHERE image_id = ?")) {
            select.setString(1, imageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                scan = new ImageUpdates(imageId, OsBuild.parse(row.getString("os_build")),
                        Architecture.valueOf(row.getString("architecture")), Columns.instant(row, "scanned_at"), List.of());
            }
        }
        List<InstalledUpdate> installed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT package_identity, article_id, release_type,"
                + " origin, update_id, recorded_at FROM image_installed_update WHERE image_id = ?"
                + " ORDER BY origin DESC, identity_key")) { // IN_IMAGE before APPLIED
            select.setString(1, imageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    installed.add(new InstalledUpdate(PackageIdentity.parse(rows.getString("package_identity")),
                            rows.getString("article_id"), rows.getString("release_type"),
                            Origin.valueOf(rows.getString("origin")), Columns.instant(rows, "recorded_at"),
                            rows.getString("update_id")));
                }
            }
        }
        return Optional.of(new ImageUpdates(imageId, scan.osBuild(), scan.architecture(), scan.scannedAt(), installed));
    }

    static String key(PackageIdentity identity) {
        return identity.text().toUpperCase(Locale.ROOT);
    }
}
