package org.fenestra.servicing.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * This site server process's identity and its lease in the catalog ({@code servicing_server},
 * migration V7): a row renewed every third of the lease ({@value #LEASE}, 60 s unless set). The
 * runs and schedules this process holds carry its ID; a starting (or polling) server fails only
 * those whose holder's lease has expired, so several live servers on one database leave each
 * other's work alone, and a killed one's work is recovered once its lease runs out.
 * <p>
 * Expiry compares the holder's clock with the recoverer's: site servers are expected to keep
 * their clocks in step (NTP); the lease is long enough to absorb ordinary drift.
 */
@Component(service = ServerLease.class)
public final class ServerLease {

    static final String LEASE = "fenestra.servicing.leaseMillis";
    private static final System.Logger LOG = System.getLogger(ServerLease.class.getName());
    /** Rows of servers gone this long are removed, so the table does not grow with every restart. */
    private static final Duration FORGET_AFTER = Duration.ofDays(7);

    private final SiteDatabase database;
    private final Clock clock;
    private final Duration lease;
    private final String serverId;
    private final String host;
    private final ScheduledExecutorService heartbeat;

    @Activate
    public ServerLease(@Reference SiteDatabase database, BundleContext context) throws ServicingException {
        this(database, context::getProperty, Clock.systemUTC());
    }

    ServerLease(SiteDatabase database, UnaryOperator<String> properties, Clock clock) throws ServicingException {
        this.database = database;
        this.clock = clock;
        this.lease = Duration.ofMillis(parseLease(properties.apply(LEASE)));
        this.host = hostName(properties.apply(ServicingScheduler.SERVER));
        // host, process and a random part: unique even for two processes of one host started in the same millisecond
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.serverId = clip(host, 80) + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
        transaction("register site server " + serverId, connection -> {
            forgetLongGone(connection);
            insert(connection);
            return null;
        });
        long every = Math.max(10, lease.toMillis() / 3);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fenestra-servicing-lease");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** This process's ID, recorded on the runs and schedules it holds. */
    String id() {
        return serverId;
    }

    /** The host name part of the ID (or {@code fenestra.servicing.server}). */
    String host() {
        return host;
    }

    Duration lease() {
        return lease;
    }

    /**
     * SQL true for a holder column whose server is gone: NULL (recorded before leases existed), no
     * row, or a row whose lease expired before the one parameter ({@link #bindNow}). The column must
     * be qualified by its table's alias: unqualified, {@code server_id} would name the subquery's own.
     */
    static String holderGone(String holderColumn) {
        return "(" + holderColumn + " IS NULL OR NOT EXISTS (SELECT 1 FROM servicing_server l WHERE l.server_id = "
                + holderColumn + " AND l.expires_at > ?))";
    }

    void bindNow(PreparedStatement statement, int index) throws SQLException {
        statement.setTimestamp(index, Timestamp.from(clock.instant()));
    }

    @Deactivate
    void stop() {
        heartbeat.shutdownNow();
        try {
            // a clean stop: nothing of this process is in process any more, so its row has no use
            transaction("unregister site server " + serverId, connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM servicing_server WHERE server_id = ?")) {
                    delete.setString(1, serverId);
                    delete.executeUpdate();
                }
                return null;
            });
        } catch (ServicingException e) {
            LOG.log(System.Logger.Level.WARNING, "site server " + serverId + ": " + e.getMessage());
        }
    }

    private void renew() {
        try {
            transaction("renew the lease of site server " + serverId, connection -> {
                Instant now = clock.instant();
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE servicing_server SET heartbeat_at = ?, expires_at = ? WHERE server_id = ?")) {
                    update.setTimestamp(1, Timestamp.from(now));
                    update.setTimestamp(2, Timestamp.from(now.plus(lease)));
                    update.setString(3, serverId);
                    if (update.executeUpdate() == 0) {
                        insert(connection); // removed by someone; this process is alive, so it is back
                    }
                }
                return null;
            });
        } catch (ServicingException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "site server " + serverId + ": " + e.getMessage());
        }
    }

    private void insert(Connection connection) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO servicing_server "
                + "(server_id, host, started_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, serverId);
            insert.setString(2, clip(host, 256));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now.plus(lease)));
            insert.executeUpdate();
        }
    }

    private void forgetLongGone(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM servicing_server WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(FORGET_AFTER)));
            delete.executeUpdate();
        }
    }

    private static long parseLease(String text) {
        try {
            return text == null ? 60_000 : Math.max(300, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 60_000;
        }
    }

    private static String hostName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private <T> T transaction(String operation, SiteDatabase.Work<T> work) throws ServicingException {
        try {
            return database.inTransaction(operation, work);
        } catch (CatalogException e) {
            throw new ServicingException(Reason.DATABASE, operation + ": " + e.getMessage(), e);
        }
    }
}
