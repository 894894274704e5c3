package org.fenestra.distribution.internal.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fenestra.distribution.api.Deployment;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.ImageDistributionSettings;

/** The multicast tables of the site database (V7__multicast.sql), one method per statement. */
final class MulticastTables {

    private MulticastTables() {
    }

    // ---- image_distribution_setting -------------------------------------------------------

    static Optional<ImageDistributionSettings> findImageSettings(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT allow_multicast, encrypt_multicast, only_multicast "
                + "FROM image_distribution_setting WHERE image_id = ?")) {
            s.setString(1, imageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ImageDistributionSettings(imageId, r.getBoolean(1), r.getBoolean(2),
                        r.getBoolean(3))) : Optional.empty();
            }
        }
    }

    static List<ImageDistributionSettings> allImageSettings(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT image_id, allow_multicast, encrypt_multicast, "
                + "only_multicast FROM image_distribution_setting ORDER BY image_id");
                ResultSet r = s.executeQuery()) {
            List<ImageDistributionSettings> all = new ArrayList<>();
            while (r.next()) {
                all.add(new ImageDistributionSettings(r.getString(1), r.getBoolean(2), r.getBoolean(3), r.getBoolean(4)));
            }
            return all;
        }
    }

    static void saveImageSettings(Connection c, ImageDistributionSettings settings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM image_distribution_setting WHERE image_id = ?")) {
            s.setString(1, settings.imageId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO image_distribution_setting (image_id, "
                + "allow_multicast, encrypt_multicast, only_multicast) VALUES (?, ?, ?, ?)")) {
            s.setString(1, settings.imageId());
            s.setBoolean(2, settings.allowMulticast());
            s.setBoolean(3, settings.encryptMulticast());
            s.setBoolean(4, settings.onlyMulticast());
            s.executeUpdate();
        }
    }

    /** The DPs an image's settings concern: those its content went to and those with multicast settings. */
    static List<String> dpsConcerned(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT dp_name FROM content_status WHERE image_id = ? "
                + "UNION SELECT dp_name FROM dp_multicast ORDER BY 1")) {
            s.setString(1, imageId);
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        }
    }

    // ---- deployment -----------------------------------------------------------------------

    static void insertDeployment(Connection c, Deployment deployment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO deployment (deployment_id, image_id, "
                + "target_clients, download_locally, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, deployment.id());
            s.setString(2, deployment.imageId());
            s.setString(3, String.join(",", deployment.targetClients()));
            s.setBoolean(4, deployment.downloadLocally());
            s.setTimestamp(5, Timestamp.from(deployment.createdAt()));
            s.executeUpdate();
        }
    }

    static List<Deployment> deploymentsOf(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + DEPLOYMENT_COLUMNS
                + " FROM deployment WHERE image_id = ? ORDER BY deployment_id")) {
            s.setString(1, imageId);
            return deployments(s);
        }
    }

    static List<Deployment> allDeployments(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + DEPLOYMENT_COLUMNS
                + " FROM deployment ORDER BY deployment_id")) {
            return deployments(s);
        }
    }

    static Optional<Deployment> findDeployment(Connection c, String deploymentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + DEPLOYMENT_COLUMNS
                + " FROM deployment WHERE deployment_id = ?")) {
            s.setString(1, deploymentId);
            return deployments(s).stream().findFirst();
        }
    }

    static void deleteDeployment(Connection c, String deploymentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM deployment WHERE deployment_id = ?")) {
            s.setString(1, deploymentId);
            s.executeUpdate();
        }
    }

    private static final String DEPLOYMENT_COLUMNS = "deployment_id, image_id, target_clients, download_locally, "
            + "created_at";

    private static List<Deployment> deployments(PreparedStatement query) throws SQLException {
        List<Deployment> deployments = new ArrayList<>();
        try (ResultSet r = query.executeQuery()) {
            while (r.next()) {
                deployments.add(new Deployment(r.getString(1), r.getString(2),
                        Arrays.stream(r.getString(3).split(",")).filter(t -> !t.isEmpty()).toList(),
                        r.getBoolean(4), r.getTimestamp(5).toInstant()));
            }
        }
        return deployments;
    }

    /**
     * Locks the image's catalog row until the transaction ends. Every change the "only via
     * multicast" rule looks at (the image's settings, its deployments) takes this lock first, so
     * two admins' changes to one image are checked one after the other, never against a state
     * the other is about to change.
     */
    static void lockImage(Connection c, String imageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT image_id FROM os_image WHERE image_id = ? FOR UPDATE")) {
            s.setString(1, imageId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
            }
        }
    }

    /** The next free deployment ID, {@code DEP00001} first. */
    static String nextDeploymentId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(deployment_id) FROM deployment");
                ResultSet r = s.executeQuery()) {
            String last = r.next() ? r.getString(1) : null;
            int next = last == null ? 1 : Integer.parseInt(last.substring(3)) + 1;
            return String.format("DEP%05d", next);
        }
    }

    // ---- dp_multicast ---------------------------------------------------------------------

    static Optional<DpMulticastSettings> findDpSettings(Connection c, String dpName) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT enabled, address_first, address_last, port_first, "
                + "port_last, max_clients, max_rate_mbps, session_start, scheduled_clients, scheduled_at, "
                + "slow_client_policy, slow_client_value FROM dp_multicast WHERE dp_name = ?")) {
            s.setString(1, dpName);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp at = r.getTimestamp(10);
                return Optional.of(new DpMulticastSettings(r.getBoolean(1), r.getString(2), r.getString(3), r.getInt(4),
                        r.getInt(5), r.getInt(6), r.getInt(7), SessionStart.valueOf(r.getString(8)), r.getInt(9),
                        Optional.ofNullable(at).map(Timestamp::toInstant),
                        new SlowClientPolicy(SlowClientPolicy.Kind.valueOf(r.getString(11)), r.getInt(12))));
            }
        }
    }

    static void saveDpSettings(Connection c, String dpName, DpMulticastSettings m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM dp_multicast WHERE dp_name = ?")) {
            s.setString(1, dpName);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dp_multicast (dp_name, enabled, address_first, "
                + "address_last, port_first, port_last, max_clients, max_rate_mbps, session_start, scheduled_clients, "
                + "scheduled_at, slow_client_policy, slow_client_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, dpName);
            s.setBoolean(2, m.enabled());
            s.setString(3, m.addressFirst());
            s.setString(4, m.addressLast());
            s.setInt(5, m.portFirst());
            s.setInt(6, m.portLast());
            s.setInt(7, m.maxClients());
            s.setInt(8, m.maxRateMbps());
            s.setString(9, m.start().name());
            s.setInt(10, m.scheduledClients());
            s.setTimestamp(11, m.scheduledAt().map(Timestamp::from).orElse(null));
            s.setString(12, m.slowClients().kind().name());
            s.setInt(13, m.slowClients().value());
            s.executeUpdate();
        }
    }
}
