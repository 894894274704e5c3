package org.fenestra.servicing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingSchedule;

/** The SQL of {@code servicing_schedule} (catalog migration {@code V6__servicing.sql}): one schedule per image. */
final class ScheduleTable {

    private static final String COLUMNS = "s.image_id, s.update_ids, s.all_applicable, s.recurrence, s.next_run, "
            + "s.continue_on_error, s.optimize, s.update_dps, s.status, s.last_run_id, s.message";
    /** A schedule's percent is its run's in process, kept by the pipeline. */
    private static final String SELECT = "SELECT " + COLUMNS + ", r.percent_done FROM servicing_schedule s "
            + "LEFT JOIN servicing_run r ON r.image_id = s.image_id AND r.status = 'IN_PROCESS' ";

    void put(Connection connection, ServicingSchedule schedule) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM servicing_schedule WHERE image_id = ?")) {
            delete.setString(1, schedule.imageId());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO servicing_schedule (image_id, update_ids, "
                + "all_applicable, recurrence, next_run, continue_on_error, optimize, update_dps, status, last_run_id, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, schedule.imageId());
            insert.setString(2, String.join("\n", schedule.updateIds()));
            insert.setBoolean(3, schedule.allApplicable());
            insert.setString(4, schedule.recurrence().toString());
            insert.setTimestamp(5, schedule.nextRun() == null ? null : Timestamp.from(schedule.nextRun()));
            insert.setBoolean(6, schedule.continueOnError());
            insert.setBoolean(7, schedule.optimize());
            insert.setBoolean(8, schedule.updateDistributionPoints());
            insert.setString(9, schedule.status().name());
            insert.setLong(10, schedule.lastRunId());
            insert.setString(11, schedule.message());
            insert.executeUpdate();
        }
    }

    List<ServicingSchedule> all(Connection connection) throws SQLException {
        return select(connection, "ORDER BY s.image_id", statement -> { });
    }

    ServicingSchedule get(Connection connection, String imageId) throws SQLException {
        List<ServicingSchedule> found = select(connection, "WHERE s.image_id = ?", statement -> statement.setString(1, imageId));
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Images whose schedule is due at {@code now} and not cancelled, those in process (held by a
     * server) included: {@link #claim} alone decides who runs one, so a server always tries, and
     * one that loses sees it taken rather than never looking.
     */
    List<String> due(Connection connection, Instant now) throws SQLException {
        List<String> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT image_id FROM servicing_schedule WHERE "
                + "next_run IS NOT NULL AND next_run <= ? AND status <> 'CANCELLED' ORDER BY next_run")) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    due.add(row.getString(1));
                }
            }
        }
        return due;
    }

    /**
     * Takes a due schedule for this site server: the conditional update is the lease, so of several
     * servers polling one database exactly one gets 1 here.
     */
    boolean claim(Connection connection, String imageId, Instant now, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_schedule SET status = 'IN_PROCESS', "
                + "lease_owner = ? WHERE image_id = ? AND next_run IS NOT NULL AND next_run <= ? AND status <> 'IN_PROCESS' "
                + "AND status <> 'CANCELLED'")) {
            update.setString(1, owner);
            update.setString(2, imageId);
            update.setTimestamp(3, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }

    /** The site server holding a schedule in process (null when none holds it). */
    String holder(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT lease_owner FROM servicing_schedule WHERE image_id = ? AND status = 'IN_PROCESS'")) {
            select.setString(1, imageId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The run ended: its result, and when the schedule runs next (null: never); a cancelled schedule stays so. */
    void finished(Connection connection, String imageId, RunStatus status, long runId, String message, Instant nextRun)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_schedule SET status = ?, last_run_id = ?, "
                + "message = ?, next_run = ?, lease_owner = NULL WHERE image_id = ? AND status = 'IN_PROCESS'")) {
            update.setString(1, status.name());
            update.setLong(2, runId);
            update.setString(3, message.length() <= 4000 ? message : message.substring(0, 4000));
            update.setTimestamp(4, nextRun == null ? null : Timestamp.from(nextRun));
            update.setString(5, imageId);
            update.executeUpdate();
        }
    }

    /**
     * Gives a schedule this server took back, still due (its next run unchanged): the server stopped
     * during the run, which committed nothing, so the next poll of any server (or this one's next start) runs it.
     */
    void giveBack(Connection connection, String imageId, long runId, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_schedule SET status = 'SCHEDULED', "
                + "last_run_id = ?, message = ?, lease_owner = NULL WHERE image_id = ? AND status = 'IN_PROCESS'")) {
            update.setLong(1, runId);
            update.setString(2, message);
            update.setString(3, imageId);
            update.executeUpdate();
        }
    }

    boolean cancel(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_schedule SET status = 'CANCELLED', "
                + "next_run = NULL, lease_owner = NULL, message = 'cancelled' WHERE image_id = ?")) {
            update.setString(1, imageId);
            return update.executeUpdate() == 1;
        }
    }

    /** Schedules held IN_PROCESS by a site server that is gone (its lease expired) without finishing them. */
    List<ServicingSchedule> heldByGone(Connection connection, ServerLease lease) throws SQLException {
        return select(connection, "WHERE s.status = 'IN_PROCESS' AND " + ServerLease.holderGone("s.lease_owner"),
                statement -> lease.bindNow(statement, 1));
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ServicingSchedule> select(Connection connection, String where, Parameters parameters) throws SQLException {
        List<ServicingSchedule> schedules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + where)) {
            parameters.bind(select);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String ids = row.getString(2);
                    Timestamp next = row.getTimestamp(5);
                    schedules.add(new ServicingSchedule(row.getString(1), ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n")),
                            row.getBoolean(3), Recurrence.parse(row.getString(4)), next == null ? null : next.toInstant(),
                            row.getBoolean(6), row.getBoolean(7), row.getBoolean(8), RunStatus.valueOf(row.getString(9)),
                            row.getInt(12), row.getLong(10), row.getString(11)));
                }
            }
        }
        return schedules;
    }
}
