package org.fenestra.servicing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.servicing.api.DistributionPointUpdater;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedule;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdateFilter;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.updates.api.UpdateState;
import org.fenestra.wim.model.WimProgress;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Keeps the servicing schedules and runs them when due: a single thread polls the catalog every
 * {@value #POLL} milliseconds (30 s unless set), takes each due schedule with a conditional update
 * (so of several site servers on one database exactly one runs it) and runs it through the
 * pipeline, one at a time. Schedules are rows in the catalog, so they survive restarts; one held in
 * process by a server whose lease expired ({@link ServerLease}) is failed (interrupted) at the next
 * poll and, when recurring, scheduled for its next time. Whether this process runs due schedules at
 * all is {@link ScheduleRunning} ({@code fenestra.servicing.runSchedules}: the site server does; the
 * workbench only on an embedded H2 site); one that does not still stores, lists and cancels them.
 */
// immediate: a headless site server with no console or workbench asking for schedules must still run them
@Component(service = ServicingSchedules.class, immediate = true)
public final class ServicingScheduler implements ServicingSchedules {

    static final String POLL = "fenestra.servicing.pollMillis";
    /** The host name part of this site server's ID ({@link ServerLease}); default the host name. */
    static final String SERVER = "fenestra.servicing.server";
    private static final System.Logger LOG = System.getLogger(ServicingScheduler.class.getName());

    private final SiteDatabase database;
    private final ImageCatalog images;
    private final SoftwareUpdates updates;
    private final OfflineServicing servicing;
    private final Clock clock;
    private final ZoneId zone;
    private final ServerLease lease;
    private final ScheduleTable table = new ScheduleTable();
    /** Null where this process does not run schedules. */
    private final ScheduledExecutorService poller;
    private final boolean runsSchedules;
    private volatile boolean stopping;
    /** Due schedules this server found held by another, and by which (touched by the poller thread only). */
    private final Map<String, String> seenTaken = new HashMap<>();

    /** Present where the distribution glue runs: only then is "update distribution points" available. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DistributionPointUpdater distributionPoints;

    @Activate
    public ServicingScheduler(@Reference SiteDatabase database, @Reference ImageCatalog images,
            @Reference SoftwareUpdates updates, @Reference OfflineServicing servicing, @Reference ServerLease lease,
            BundleContext context) throws ServicingException {
        this(database, images, updates, servicing, lease, context::getProperty, Clock.systemUTC(), ZoneId.systemDefault());
    }

    ServicingScheduler(SiteDatabase database, ImageCatalog images, SoftwareUpdates updates, OfflineServicing servicing,
            ServerLease lease, UnaryOperator<String> properties, Clock clock, ZoneId zone) throws ServicingException {
        this.database = database;
        this.images = images;
        this.updates = updates;
        this.servicing = servicing;
        this.clock = clock;
        this.zone = zone;
        this.lease = lease;
        ScheduleRunning running = runningOf(properties);
        runsSchedules = running.runsOn(database.product());
        if (!runsSchedules) {
            LOG.log(System.Logger.Level.INFO, "this process does not run servicing schedules (" + ScheduleRunning.PROPERTY
                    + "=" + running.name().toLowerCase(java.util.Locale.ROOT) + ", catalog " + database.product()
                    + "): the site server runs them");
            poller = null;
            return;
        }
        recoverInterrupted();
        long poll = parsePoll(properties.apply(POLL));
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fenestra-servicing-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::runDue, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        stopping = true; // a run in process stops at its next check and commits nothing
        if (poller == null) {
            return;
        }
        poller.shutdown();
        try {
            poller.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServicingSchedule schedule(String imageId, List<String> updateIds, boolean allApplicable, Recurrence recurrence,
            boolean continueOnError, boolean optimize, boolean updateDistributionPoints) throws ServicingException {
        try {
            ServicingTarget target = images.target(imageId);
            if (optimize) {
                ServicingPipeline.checkOptimizable(target);
            }
        } catch (ImageNotFoundException e) {
            throw new ServicingException(Reason.NO_SUCH_IMAGE, "no OS image or OS upgrade package " + imageId, e);
        } catch (CatalogException e) {
            throw new ServicingException(Reason.DATABASE, e.getMessage(), e);
        }
        if (!allApplicable && updateIds.isEmpty()) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, "name the updates or ask for all applicable ones");
        }
        for (String id : updateIds) {
            try {
                updates.get(id);
            } catch (UpdateException e) {
                throw new ServicingException(Reason.NO_SUCH_UPDATE, e.getMessage(), e);
            }
        }
        Instant now = clock.instant();
        Instant next = recurrence.monthly() ? recurrence.next(now, zone) : recurrence.once();
        ServicingSchedule schedule = new ServicingSchedule(imageId, allApplicable ? List.of() : updateIds, allApplicable,
                recurrence, next, continueOnError, optimize, updateDistributionPoints, RunStatus.SCHEDULED, 0, 0,
                updateDistributionPoints && distributionPoints == null
                        ? "scheduled; " + DistributionPointsStep.NOT_AVAILABLE : "scheduled");
        ServicingSchedule old = transaction("servicing schedule of " + imageId, c -> table.get(c, imageId));
        if (old != null && old.status() == RunStatus.IN_PROCESS) {
            throw new ServicingException(Reason.BUSY, imageId + " is being serviced; cancel it or wait");
        }
        return transaction("schedule servicing of " + imageId, connection -> {
            table.put(connection, schedule);
            return schedule;
        });
    }

    @Override
    public Optional<ServicingSchedule> schedule(String imageId) throws ServicingException {
        return Optional.ofNullable(transaction("servicing schedule of " + imageId, c -> table.get(c, imageId)));
    }

    @Override
    public List<ServicingSchedule> schedules() throws ServicingException {
        return transaction("servicing schedules", table::all);
    }

    @Override
    public boolean cancel(String imageId) throws ServicingException {
        boolean had = transaction("cancel servicing schedule of " + imageId, c -> table.cancel(c, imageId));
        servicing.cancel(imageId); // the run in process, on whichever server
        return had;
    }

    /** One poll: the schedules of gone servers recovered, then every due schedule this server can claim, run in turn. */
    void runDue() {
        try {
            recoverInterrupted();
            for (String imageId : transaction("due servicing schedules", c -> table.due(c, clock.instant()))) {
                if (stopping) {
                    return;
                }
                if (transaction("claim servicing schedule", c -> table.claim(c, imageId, clock.instant(), lease.id()))) {
                    seenTaken.remove(imageId);
                    runClaimed(imageId);
                } else {
                    reportTaken(imageId);
                }
            }
        } catch (ServicingException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "servicing scheduler: " + e.getMessage(), e);
        }
    }

    /** Says once per holder that a due schedule is another server's (each poll while it runs would repeat it). */
    private void reportTaken(String imageId) throws ServicingException {
        String holder = transaction("holder of servicing schedule", c -> table.holder(c, imageId));
        if (holder != null && !holder.equals(seenTaken.put(imageId, holder))) {
            LOG.log(System.Logger.Level.INFO, imageId + ": the due servicing schedule is taken by site server " + holder
                    + "; " + lease.id() + " leaves it to that server");
        }
    }

    private void runClaimed(String imageId) throws ServicingException {
        ServicingSchedule schedule = transaction("servicing schedule", c -> table.get(c, imageId));
        RunStatus status;
        long runId = 0;
        String message;
        try {
            List<String> ids = schedule.allApplicable()
                    ? updates.applicable(imageId, UpdateFilter.ALL).stream()
                        .filter(u -> u.state() == UpdateState.DOWNLOADED).map(UpdatePackage::id).toList()
                    : schedule.updateIds();
            ServicingRun run = servicing.serviceNow(new ServicingRequest(imageId, ids, schedule.continueOnError(),
                    schedule.optimize(), schedule.updateDistributionPoints()), new WimProgress() {
                        @Override
                        public boolean isCanceled() {
                            return stopping;
                        }
                    });
            status = run.status();
            runId = run.runId();
            message = run.message();
        } catch (ServicingException | UpdateException e) {
            status = RunStatus.FAILED;
            message = "not started: " + e.getMessage();
        } catch (RuntimeException | Error e) {
            // the schedule must not stay in process under this live server's lease; the poller goes on
            LOG.log(System.Logger.Level.ERROR, imageId + ": servicing schedule broke off", e);
            status = RunStatus.FAILED;
            message = "failed: " + e;
        }
        if (stopping && status == RunStatus.CANCELLED) {
            giveBack(imageId, runId);
            return;
        }
        Instant next = schedule.recurrence().monthly() ? schedule.recurrence().next(clock.instant(), zone) : null;
        RunStatus result = status;
        long run = runId;
        String text = message;
        transaction("finish servicing schedule", c -> {
            table.finished(c, imageId, result, run, text, next);
            return null;
        });
    }

    /**
     * Ends the schedules that gone site servers held in process, with their run's real outcome: the
     * pipeline's recovery first ends those runs (a run whose commit happened is recorded committed),
     * then each schedule takes the result of its run. A schedule whose run is still in process (the
     * catalog refused to record it) stays held for the next poll; one whose server stopped before the
     * run began is failed (interrupted).
     */
    /** This server is stopping: the cancelled run committed nothing, and the schedule stays due for the next server or start. */
    private void giveBack(String imageId, long runId) throws ServicingException {
        String message = "the site server stopped during the run (nothing was committed); it runs again at the next poll "
                + "of a site server";
        transaction("give back servicing schedule", c -> {
            table.giveBack(c, imageId, runId, message);
            return null;
        });
        LOG.log(System.Logger.Level.WARNING, imageId + ": " + message);
    }

    private void recoverInterrupted() throws ServicingException {
        servicing.recoverInterrupted();
        for (ServicingSchedule held : transaction("schedules of gone site servers", c -> table.heldByGone(c, lease))) {
            ServicingRun run = runAfter(held);
            if (run != null && run.status() == RunStatus.IN_PROCESS) {
                continue;
            }
            Instant next = held.recurrence().monthly() ? held.recurrence().next(clock.instant(), zone) : null;
            RunStatus status = run == null ? RunStatus.FAILED : run.status();
            long runId = run == null ? held.lastRunId() : run.runId();
            String message = run == null ? "interrupted: the site server stopped before the run began; nothing was committed"
                    : run.message();
            transaction("recover servicing schedule of " + held.imageId(), c -> {
                table.finished(c, held.imageId(), status, runId, message, next);
                return null;
            });
            LOG.log(System.Logger.Level.WARNING, held.imageId() + ": servicing schedule held by a stopped site server ended "
                    + status + ": " + message);
        }
    }

    /** The schedule's run that its gone server began (newer than its last finished one), or null when none began. */
    private ServicingRun runAfter(ServicingSchedule held) throws ServicingException {
        List<ServicingRun> history = servicing.history(held.imageId());
        return history.isEmpty() || history.get(0).runId() <= held.lastRunId() ? null : history.get(0);
    }

    /** Whether this process runs due schedules (see {@link ScheduleRunning}). */
    boolean runsSchedules() {
        return runsSchedules;
    }

    private static ScheduleRunning runningOf(UnaryOperator<String> properties) {
        try {
            return ScheduleRunning.of(properties);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; running schedules (always)");
            return ScheduleRunning.ALWAYS;
        }
    }

    private static long parsePoll(String text) {
        try {
            return text == null ? 30_000 : Math.max(50, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 30_000;
        }
    }

    private <T> T transaction(String operation, SiteDatabase.Work<T> work) throws ServicingException {
        try {
            return database.inTransaction(operation, work);
        } catch (CatalogException e) {
            throw new ServicingException(Reason.DATABASE, operation + ": " + e.getMessage(), e);
        }
    }
}
