package org.fenestra.distribution.internal.site;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionPoint;

/** The distribution tables of the site database (V5__distribution.sql), one method per statement. */
final class DistributionTables {

    private DistributionTables() {
    }

    /** A registered DP with the secret the site presents to it. */
    record DpRecord(DistributionPoint point, String secret) {
    }

    /** The image's content as last taken into the site's library. */
    record PackageRecord(String imageId, int version, String fileName, String sha256, long size,
            long modifiedMillis) {
    }

    // ---- distribution_point ---------------------------------------------------------------

    static void insertDp(Connection c, DistributionPoint dp, String secret, SiteSecretKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO distribution_point (dp_name, name_key, dp_url, "
                + "fingerprint, site_secret, pull_from, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, dp.name());
            s.setString(2, nameKey(dp.name()));
            s.setString(3, dp.url().toString());
            s.setString(4, dp.fingerprint());
            s.setString(5, key.seal(secret, dpRow(dp.name())));
            s.setString(6, dp.isPullDp() ? dp.pullFrom() : null);
            s.setTimestamp(7, Timestamp.from(dp.addedAt()));
            s.executeUpdate();
        }
    }

    static Optional<DpRecord> findDp(Connection c, String name, SiteSecretKey key) throws SQLException {
        List<DpRecord> found = selectDps(c, " WHERE name_key = ?", nameKey(name), key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<DpRecord> listDps(Connection c, SiteSecretKey key) throws SQLException {
        return selectDps(c, " ORDER BY name_key", null, key);
    }

    private static List<DpRecord> selectDps(Connection c, String where, String nameKey, SiteSecretKey key)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT dp_name, dp_url, fingerprint, site_secret, added_at, pull_from FROM distribution_point" + where)) {
            if (nameKey != null) {
                s.setString(1, nameKey);
            }
            List<DpRecord> dps = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    dps.add(new DpRecord(new DistributionPoint(r.getString(1), URI.create(r.getString(2)),
                            r.getString(3), Optional.ofNullable(r.getString(6)).orElse(""),
                            r.getTimestamp(5).toInstant()), key.open(r.getString(4), dpRow(r.getString(1)))));
                }
            }
            return dps;
        }
    }

    /** The DPs that pull from this one. */
    static List<String> pullersOf(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT p.dp_name FROM distribution_point p JOIN "
                + "distribution_point source ON p.pull_from = source.dp_name WHERE source.name_key = ?")) {
            s.setString(1, nameKey(name));
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        }
    }

    static boolean deleteDp(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM distribution_point WHERE name_key = ?")) {
            s.setString(1, nameKey(name));
            return s.executeUpdate() > 0;
        }
    }

    static String nameKey(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    // ---- content_package ------------------------------------------------------------------

    static Optional<PackageRecord> findPackage(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT package_version, file_name, file_sha256, file_size, "
                + "file_modified_millis FROM content_package WHERE image_id = ?")) {
            s.setString(1, imageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new PackageRecord(imageId, r.getInt(1), r.getString(2), r.getString(3),
                        r.getLong(4), r.getLong(5))) : Optional.empty();
            }
        }
    }

    static void savePackage(Connection c, PackageRecord p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM content_package WHERE image_id = ?")) {
            s.setString(1, p.imageId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO content_package (image_id, package_version, "
                + "file_name, file_sha256, file_size, file_modified_millis, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, p.imageId());
            s.setInt(2, p.version());
            s.setString(3, p.fileName());
            s.setString(4, p.sha256());
            s.setLong(5, p.size());
            s.setLong(6, p.modifiedMillis());
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    // ---- content_status -------------------------------------------------------------------

    static void saveStatus(Connection c, ContentStatus status) throws SQLException {
        deleteStatus(c, status.imageId(), status.dpName());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO content_status (image_id, dp_name, state, percent, "
                + "content_version, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, status.imageId());
            s.setString(2, status.dpName());
            s.setString(3, status.state().name());
            s.setInt(4, status.percent());
            s.setInt(5, status.contentVersion());
            s.setString(6, status.reason().length() > 4000 ? status.reason().substring(0, 3997) + "..." : status.reason());
            s.setTimestamp(7, Timestamp.from(status.updatedAt()));
            s.executeUpdate();
        }
    }

    static void deleteStatus(Connection c, String imageId, String dpName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM content_status WHERE image_id = ? AND dp_name = ?")) {
            s.setString(1, imageId);
            s.setString(2, dpName);
            s.executeUpdate();
        }
    }

    static List<ContentStatus> statusOf(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT dp_name, state, percent, content_version, reason, "
                + "updated_at FROM content_status WHERE image_id = ? ORDER BY dp_name")) {
            s.setString(1, imageId);
            List<ContentStatus> statuses = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    statuses.add(new ContentStatus(imageId, r.getString(1), ContentStatus.State.valueOf(r.getString(2)),
                            r.getInt(3), r.getInt(4), Optional.ofNullable(r.getString(5)).orElse(""),
                            r.getTimestamp(6).toInstant()));
                }
            }
            return statuses;
        }
    }

    // ---- distribution_setting -------------------------------------------------------------

    static Optional<String> setting(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT setting_value FROM distribution_setting WHERE setting_name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Inserts the setting unless another site server did first; returns the value that holds. */
    static String settingOrInsert(Connection c, String name, String value) throws SQLException {
        Optional<String> existing = setting(c, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO distribution_setting (setting_name, setting_value) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
        }
        return value;
    }

    /** A secret setting (sealed with the site key), inserted unless another site server did first. */
    static String secretSettingOrInsert(Connection c, String name, String value, SiteSecretKey key)
            throws SQLException {
        return key.open(settingOrInsert(c, name, key.seal(value, settingRow(name))), settingRow(name));
    }

    // ---- secrets at rest ------------------------------------------------------------------

    /**
     * Seals the secrets stored before sealing existed (plain DP secrets, a plain download key);
     * returns how many. Idempotent: sealed values are left alone.
     */
    static int sealPlainSecrets(Connection c, SiteSecretKey key, String... secretSettings) throws SQLException {
        int sealed = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT dp_name, site_secret FROM distribution_point "
                + "WHERE site_secret NOT LIKE '" + SiteSecretKey.PREFIX + "%'");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE distribution_point SET site_secret = ? WHERE dp_name = ? AND site_secret = ?");
                ResultSet r = select.executeQuery()) {
            while (r.next()) {
                update.setString(1, key.seal(r.getString(2), dpRow(r.getString(1))));
                update.setString(2, r.getString(1));
                update.setString(3, r.getString(2));
                sealed += update.executeUpdate();
            }
        }
        for (String name : secretSettings) {
            Optional<String> value = setting(c, name);
            if (value.isPresent() && !SiteSecretKey.isSealed(value.get())) {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE distribution_setting SET setting_value = ? WHERE setting_name = ? AND setting_value = ?")) {
                    update.setString(1, key.seal(value.get(), settingRow(name)));
                    update.setString(2, name);
                    update.setString(3, value.get());
                    sealed += update.executeUpdate();
                }
            }
        }
        return sealed;
    }

    /** What a sealed DP secret is bound to: its row. */
    private static String dpRow(String dpName) {
        return "distribution_point/" + dpName;
    }

    private static String settingRow(String name) {
        return "distribution_setting/" + name;
    }
}
