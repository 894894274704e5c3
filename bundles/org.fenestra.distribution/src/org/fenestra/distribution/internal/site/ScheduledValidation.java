package org.fenestra.distribution.internal.site;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.api.DistributionPoint;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.DpValidation;
import org.fenestra.distribution.api.ValidationSchedule;
import org.fenestra.distribution.api.ValidationSchedules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Validation schedules (table {@code validation_schedule}, V7) and the site server's clock that
 * runs them: one thread wakes every {@code fenestra.distribution.validationTickSeconds} and has
 * each due schedule's DPs validate every image with content there, through
 * {@link ContentDistribution#validate}, which records damage in the content status.
 */
@Component(service = ValidationSchedules.class, immediate = true)
public final class ScheduledValidation implements ValidationSchedules {

    static final String TICK_SECONDS = "fenestra.distribution.validationTickSeconds";
    private static final Logger LOG = System.getLogger(ScheduledValidation.class.getName());
    private static final String SITE_WIDE = "*";
    private static final int MAX_RESULT = 4000;

    @Reference
    private SiteDatabase database;

    @Reference
    private ContentDistribution distribution;

    @Reference
    private DistributionPoints points;

    private ScheduledExecutorService clock;

    @Activate
    void activate() {
        long tick = Math.max(1, Long.getLong(TICK_SECONDS, 60));
        clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fenestra-scheduled-validation");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        clock.shutdownNow();
    }

    private void tick() {
        try {
            runDue(Instant.now());
        } catch (DistributionException | RuntimeException e) {
            LOG.log(Level.WARNING, "scheduled validation: " + e.getMessage(), e);
        }
    }

    @Override
    public ValidationSchedule set(String dpName, Duration interval, Instant firstRun) throws DistributionException {
        String scope = scope(dpName);
        if (interval == null || interval.toMinutes() < 1 || interval.toMinutes() > Integer.MAX_VALUE) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "validation runs at most every minute");
        }
        if (!scope.equals(SITE_WIDE)) {
            scope = points.get(dpName).name();
        }
        String row = scope;
        Instant first = (firstRun == null ? Instant.now() : firstRun).truncatedTo(ChronoUnit.MILLIS);
        SiteDatabaseWork.inTransaction(database, "set the validation schedule of " + describe(row), c -> {
            delete(c, row);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO validation_schedule (scope, interval_minutes, "
                    + "next_run_at) VALUES (?, ?, ?)")) {
                s.setString(1, row);
                s.setInt(2, (int) interval.toMinutes());
                s.setTimestamp(3, Timestamp.from(first));
                s.executeUpdate();
            }
            return null;
        });
        return new ValidationSchedule(row.equals(SITE_WIDE) ? "" : row, Duration.ofMinutes(interval.toMinutes()), first,
                Optional.empty(), "");
    }

    @Override
    public boolean remove(String dpName) throws DistributionException {
        String given = scope(dpName);
        String scope = given.equals(SITE_WIDE) ? given
                : points.list().stream().map(DistributionPoint::name).filter(given::equalsIgnoreCase).findFirst().orElse(given);
        return SiteDatabaseWork.inTransaction(database, "remove the validation schedule of " + describe(scope),
                c -> delete(c, scope));
    }

    @Override
    public List<ValidationSchedule> list() throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "list validation schedules", c -> select(c, null));
    }

    @Override
    public int runDue(Instant now) throws DistributionException {
        List<ValidationSchedule> due = SiteDatabaseWork.inTransaction(database, "find due validation schedules",
                c -> select(c, now));
        int ran = 0;
        for (ValidationSchedule schedule : due) {
            if (claim(schedule, now)) {
                String result = run(schedule);
                record(schedule, now, result);
                ran++;
            }
        }
        return ran;
    }

    /** Moves the next run on; false when another site server claimed this run first. */
    private boolean claim(ValidationSchedule schedule, Instant now) throws DistributionException {
        Instant next = schedule.nextRun();
        while (!next.isAfter(now)) {
            next = next.plus(schedule.interval());
        }
        Instant after = next;
        return SiteDatabaseWork.inTransaction(database, "claim a validation run", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE validation_schedule SET next_run_at = ? "
                    + "WHERE scope = ? AND next_run_at = ?")) {
                s.setTimestamp(1, Timestamp.from(after));
                s.setString(2, row(schedule));
                s.setTimestamp(3, Timestamp.from(schedule.nextRun()));
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Validates every image with content on the schedule's DPs; the result in words. */
    private String run(ValidationSchedule schedule) throws DistributionException {
        List<String> dps = new ArrayList<>();
        if (schedule.siteWide()) {
            points.list().stream().map(DistributionPoint::name).forEach(dps::add);
        } else {
            dps.add(schedule.dpName());
        }
        List<String> damage = new ArrayList<>();
        int checked = 0;
        for (String dp : dps) {
            for (String imageId : imagesOn(dp)) {
                try {
                    for (DpValidation validation : distribution.validate(imageId, List.of(dp))) {
                        checked++;
                        if (!validation.valid()) {
                            damage.add(imageId + " on " + dp + ": " + validation.report());
                        }
                    }
                } catch (DistributionException e) {
                    damage.add(imageId + " on " + dp + ": " + e.getMessage());
                }
            }
        }
        String result = damage.isEmpty() ? checked + " image(s) on " + dps.size() + " DP(s) valid"
                : String.join("\n", damage);
        if (!damage.isEmpty()) {
            LOG.log(Level.WARNING, "scheduled validation of " + describe(row(schedule)) + " found damage:\n"
                    + result);
        }
        return result;
    }

    /** The images whose content the site put on this DP (not those still arriving). */
    private Set<String> imagesOn(String dp) throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "list the content on " + dp, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT image_id FROM content_status WHERE dp_name = ? "
                    + "AND state IN (?, ?) ORDER BY image_id")) {
                s.setString(1, dp);
                s.setString(2, ContentStatus.State.INSTALLED.name());
                s.setString(3, ContentStatus.State.FAILED.name());
                Set<String> ids = new LinkedHashSet<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    private void record(ValidationSchedule schedule, Instant ranAt, String result) throws DistributionException {
        SiteDatabaseWork.inTransaction(database, "record a validation run", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE validation_schedule SET last_run_at = ?, "
                    + "last_result = ? WHERE scope = ?")) {
                s.setTimestamp(1, Timestamp.from(ranAt));
                s.setString(2, result.length() > MAX_RESULT ? result.substring(0, MAX_RESULT - 3) + "..." : result);
                s.setString(3, row(schedule));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static List<ValidationSchedule> select(Connection c, Instant dueAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT scope, interval_minutes, next_run_at, last_run_at, "
                + "last_result FROM validation_schedule" + (dueAt == null ? "" : " WHERE next_run_at <= ?")
                + " ORDER BY scope")) {
            if (dueAt != null) {
                s.setTimestamp(1, Timestamp.from(dueAt));
            }
            List<ValidationSchedule> schedules = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String scope = r.getString(1);
                    schedules.add(new ValidationSchedule(scope.equals(SITE_WIDE) ? "" : scope,
                            Duration.ofMinutes(r.getInt(2)), r.getTimestamp(3).toInstant(),
                            Optional.ofNullable(r.getTimestamp(4)).map(Timestamp::toInstant),
                            Optional.ofNullable(r.getString(5)).orElse("")));
                }
            }
            return schedules;
        }
    }

    private static boolean delete(Connection c, String scope) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM validation_schedule WHERE scope = ?")) {
            s.setString(1, scope);
            return s.executeUpdate() > 0;
        }
    }

    private static String scope(String dpName) throws DistributionException {
        if (dpName == null || dpName.isEmpty()) {
            return SITE_WIDE;
        }
        RegisteredDistributionPoints.requireName(dpName);
        return dpName;
    }

    /** The schedule's key in the table. */
    private static String row(ValidationSchedule schedule) {
        return schedule.siteWide() ? SITE_WIDE : schedule.dpName();
    }

    private static String describe(String scope) {
        return scope.equals(SITE_WIDE) ? "every DP" : "DP " + scope;
    }
}
