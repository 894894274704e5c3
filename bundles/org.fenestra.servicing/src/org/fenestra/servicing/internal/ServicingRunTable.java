package org.fenestra.servicing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.UpdateResult;

/**
 * The SQL of {@code servicing_run} and {@code servicing_run_update} (catalog migration
 * {@code V6__servicing.sql}), and the one statement servicing runs on {@code os_image}: raising
 * its content version when a run committed a new WIM.
 */
final class ServicingRunTable {

    private static final String COLUMNS = "run_id, image_id, status, percent_done, continue_on_error, optimize, "
            + "started_at, ended_at, size_before, size_after, files_added, files_changed, files_removed, message, log_file";

    long allocateId(Connection connection) throws SQLException {
        try (PreparedStatement increment = connection.prepareStatement(
                "UPDATE id_counter SET last_value = last_value + 1 WHERE counter_name = 'servicing_run'")) {
            if (increment.executeUpdate() != 1) {
                throw new SQLException("The id_counter row 'servicing_run' is missing; the schema is damaged");
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_value FROM id_counter WHERE counter_name = 'servicing_run'"); ResultSet row = read.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Whether a run of the image is in process (another site server's or this one's). */
    /**
     * Locks the image's catalog row until the transaction ends, so that of two servers starting a run
     * of one image at once the second sees the first's run ({@link #inProcess(Connection, String)}) and
     * does not start its own.
     */
    void lockImage(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT image_id FROM os_image WHERE image_id = ? FOR UPDATE")) {
            select.setString(1, imageId);
            select.executeQuery().close();
        }
    }

    boolean inProcess(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM servicing_run WHERE image_id = ? AND status = 'IN_PROCESS'")) {
            select.setString(1, imageId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        }
    }

    /** A run left in process by a site server that is gone, and where its work folder was. */
    record Interrupted(ServicingRun run, String workFolder) {
    }

    /** A new run, held by the site server {@code serverId}, working in {@code workFolder}. */
    void insert(Connection connection, ServicingRun run, String serverId, String workFolder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO servicing_run (" + COLUMNS
                + ", cancel_requested, server_id, work_folder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")) {
            insert.setLong(1, run.runId());
            insert.setString(2, run.imageId());
            insert.setString(3, run.status().name());
            insert.setInt(4, run.percentDone());
            insert.setBoolean(5, run.continueOnError());
            insert.setBoolean(6, run.optimize());
            insert.setTimestamp(7, Timestamp.from(run.startedAt()));
            insert.setTimestamp(8, run.endedAt() == null ? null : Timestamp.from(run.endedAt()));
            insert.setLong(9, run.sizeBefore());
            insert.setLong(10, run.sizeAfter());
            insert.setInt(11, run.filesAdded());
            insert.setInt(12, run.filesChanged());
            insert.setInt(13, run.filesRemoved());
            insert.setString(14, clip(run.message()));
            insert.setString(15, run.logFile());
            insert.setString(16, serverId);
            insert.setString(17, workFolder);
            insert.executeUpdate();
        }
    }

    /** Asks the image's run in process to stop; false when none is in process. */
    boolean requestCancel(Connection connection, String imageId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE servicing_run SET cancel_requested = TRUE WHERE image_id = ? AND status = 'IN_PROCESS'")) {
            update.setString(1, imageId);
            return update.executeUpdate() > 0;
        }
    }

    boolean cancelRequested(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT cancel_requested FROM servicing_run WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    void progress(Connection connection, long runId, int percent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE servicing_run SET percent_done = ? WHERE run_id = ? AND status = 'IN_PROCESS'")) {
            update.setInt(1, percent);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /**
     * Writes the finished run and its updates' outcomes over the in-process row; false (and nothing
     * written) when the row is no longer in process: another server took the run as interrupted.
     */
    boolean finish(Connection connection, ServicingRun run) throws SQLException {
        if (!finishRow(connection, run)) {
            return false;
        }
        recordOutcomes(connection, run.runId(), run.updates());
        return true;
    }

    /** The run's row only (its outcomes were written with the commit journal). */
    boolean finishRow(Connection connection, ServicingRun run) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_run SET status = ?, percent_done = ?, "
                + "ended_at = ?, size_after = ?, files_added = ?, files_changed = ?, files_removed = ?, message = ? "
                + "WHERE run_id = ? AND status = 'IN_PROCESS'")) {
            update.setString(1, run.status().name());
            update.setInt(2, run.percentDone());
            update.setTimestamp(3, Timestamp.from(run.endedAt()));
            update.setLong(4, run.sizeAfter());
            update.setInt(5, run.filesAdded());
            update.setInt(6, run.filesChanged());
            update.setInt(7, run.filesRemoved());
            update.setString(8, clip(run.message()));
            update.setLong(9, run.runId());
            return update.executeUpdate() == 1;
        }
    }

    void recordOutcomes(Connection connection, long runId, List<UpdateResult> outcomes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO servicing_run_update "
                + "(run_id, position, update_id, outcome, servicer, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (UpdateResult result : outcomes) {
                insert.setLong(1, runId);
                insert.setInt(2, ++position);
                insert.setString(3, result.updateId());
                insert.setString(4, result.outcome().name());
                insert.setString(5, result.servicer());
                insert.setString(6, clip(result.detail()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A committed run changed the image's WIM: distribution sees the new content version. */
    void imageContentChanged(Connection connection, String imageId, long newSize) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE os_image SET content_version = content_version + 1, size_bytes = ? WHERE image_id = ?")) {
            update.setLong(1, newSize);
            update.setString(2, imageId);
            update.executeUpdate();
        }
    }

    /** Whether the run is still in process (not taken as interrupted by another server meanwhile). */
    boolean inProcess(Connection connection, long runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM servicing_run WHERE run_id = ? AND status = 'IN_PROCESS'")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    /**
     * Runs left IN_PROCESS by a site server that is gone (killed, crashed, stopped without finishing
     * them: its lease expired), and this server's own (the caller skips those it is running: the
     * rest lost their recording, e.g. the catalog failed after the commit), with their work folders.
     */
    List<Interrupted> interrupted(Connection connection, ServerLease lease) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT r.run_id, r.work_folder FROM servicing_run r "
                + "WHERE r.status = 'IN_PROCESS' AND (r.server_id = ? OR " + ServerLease.holderGone("r.server_id") + ")")) {
            select.setString(1, lease.id());
            lease.bindNow(select, 2);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                    folders.add(row.getString(2));
                }
            }
        }
        List<Interrupted> interrupted = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<ServicingRun> run = select(connection, "WHERE run_id = " + ids.get(i), null);
            if (!run.isEmpty()) {
                interrupted.add(new Interrupted(run.get(0), folders.get(i)));
            }
        }
        return interrupted;
    }

    /** Ends an interrupted run; false when another server ended it first. */
    boolean endInterrupted(Connection connection, long runId, RunStatus status, long sizeAfter, String message, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_run SET status = ?, ended_at = ?, "
                + "size_after = ?, message = ?, percent_done = ? WHERE run_id = ? AND status = 'IN_PROCESS'")) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, sizeAfter);
            update.setString(4, clip(message));
            update.setInt(5, status == RunStatus.SUCCESSFUL ? 100 : 0);
            update.setLong(6, runId);
            return update.executeUpdate() == 1;
        }
    }

    /** Rewrites a finished run's message (what followed the commit, e.g. updating distribution points). */
    void message(Connection connection, long runId, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE servicing_run SET message = ? WHERE run_id = ?")) {
            update.setString(1, clip(message));
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    List<ServicingRun> history(Connection connection, String imageId) throws SQLException {
        return select(connection, "WHERE image_id = ? ORDER BY run_id DESC", imageId);
    }

    private List<ServicingRun> select(Connection connection, String where, String imageId) throws SQLException {
        List<ServicingRun> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM servicing_run " + where)) {
            if (imageId != null) {
                select.setString(1, imageId);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long runId = row.getLong(1);
                    Timestamp ended = row.getTimestamp(8);
                    runs.add(new ServicingRun(runId, row.getString(2), RunStatus.valueOf(row.getString(3)), row.getInt(4),
                            row.getBoolean(5), row.getBoolean(6), row.getTimestamp(7).toInstant(),
                            ended == null ? null : ended.toInstant(), row.getLong(9), row.getLong(10), row.getInt(11),
                            row.getInt(12), row.getInt(13), List.of(), row.getString(14), row.getString(15)));
                }
            }
        }
        List<ServicingRun> withUpdates = new ArrayList<>();
        for (ServicingRun run : runs) {
            withUpdates.add(withUpdates(run, updates(connection, run.runId())));
        }
        return withUpdates;
    }

    private static List<UpdateResult> updates(Connection connection, long runId) throws SQLException {
        List<UpdateResult> results = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT update_id, outcome, servicer, detail "
                + "FROM servicing_run_update WHERE run_id = ? ORDER BY position")) {
            select.setLong(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    results.add(new UpdateResult(row.getString(1), UpdateResult.Outcome.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4)));
                }
            }
        }
        return results;
    }

    private static ServicingRun withUpdates(ServicingRun run, List<UpdateResult> updates) {
        return new ServicingRun(run.runId(), run.imageId(), run.status(), run.percentDone(), run.continueOnError(),
                run.optimize(), run.startedAt(), run.endedAt(), run.sizeBefore(), run.sizeAfter(), run.filesAdded(),
                run.filesChanged(), run.filesRemoved(), updates, run.message(), run.logFile());
    }

    static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
