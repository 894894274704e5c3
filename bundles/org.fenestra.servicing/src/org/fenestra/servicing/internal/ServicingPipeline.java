package org.fenestra.servicing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.ServicingTarget;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.logging.LogSettings;
import org.fenestra.servicing.api.DistributionPointUpdater;
import org.fenestra.servicing.api.ImageServicer;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.PackageOutcome;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingDrive;
import org.fenestra.servicing.api.ServicingException;
import org.fenestra.servicing.api.ServicingException.Reason;
import org.fenestra.servicing.api.ServicingPackage;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSession;
import org.fenestra.servicing.api.UpdateResult;
import org.fenestra.servicing.api.UpdateResult.Outcome;
import org.fenestra.updates.api.InstalledUpdate;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.api.UpdateArchitecture;
import org.fenestra.updates.api.UpdateException;
import org.fenestra.updates.api.UpdatePackage;
import org.fenestra.wim.WimFile;
import org.fenestra.wim.WimVerifyReport;
import org.fenestra.wim.WimWriter;
import org.fenestra.wim.model.WimProgress;
import org.fenestra.wim.model.WindowsFacts;
import org.fenestra.wim.windows.WindowsTrees;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The servicing pipeline. A run: check the request (image, updates downloaded, optimize allowed,
 * space), record it IN_PROCESS, copy the image's WIM into a work folder on the servicing drive,
 * apply the updates in servicing order through the best servicer for each, optionally clean up and
 * export the serviced index into a new WIM, verify it, write it beside the catalog's file under a
 * temporary name and rename it over the original, record the applied updates and raise the
 * image's content version. A failure or a cancel anywhere before the rename leaves the catalog's
 * file untouched; the work folder is removed in every case.
 */
@Component(service = { OfflineServicing.class, ServicingDrive.class })
public final class ServicingPipeline implements OfflineServicing, ServicingDrive {

    /**
     * The servicing drive when the site has none set ({@code servicing-drive}): the folder the work
     * folder is made on; absent or missing = Automatic (the data folder).
     */
    static final String DRIVE = "fenestra.servicing.drive";
    private static final String DRIVE_SETTING = "drive";
    static final String WORK_FOLDER = "FenestraOfflineImageServicing";
    /**
     * Fault injection for the crash tests: {@code journaled} or {@code renamed} stops the process dead
     * (as kill -9 does) right after that step of the commit, the two points a random kill rarely hits.
     */
    static final String HALT_AT = "fenestra.servicing.haltAt";

    private static final System.Logger LOG = System.getLogger(ServicingPipeline.class.getName());
    /** Tries at recording a committed run before it is left to recovery (waits 0.5, 1 s between). */
    private static final int RECORD_ATTEMPTS = 3;

    private final SiteDatabase database;
    private final ImageCatalog images;
    private final SoftwareUpdates updates;
    private final Path dataFolder;
    private final UnaryOperator<String> properties;
    private final Clock clock;
    private final String haltAt;
    private final ServerLease lease;
    private final ServicingRunTable runs = new ServicingRunTable();
    private final CommitJournal journal = new CommitJournal();
    private final SettingTable settings = new SettingTable();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ImageServicer> servicers = new CopyOnWriteArrayList<>();

    /** Updates the DPs after a commit when asked (the distribution glue bundle); absent = "not available". */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DistributionPointUpdater distributionPoints;

    @Activate
    public ServicingPipeline(@Reference SiteDatabase database, @Reference ImageCatalog images,
            @Reference SoftwareUpdates updates, @Reference ServerLease lease, BundleContext context) throws ServicingException {
        this(database, images, updates, lease, context::getProperty, Clock.systemUTC());
    }

    ServicingPipeline(SiteDatabase database, ImageCatalog images, SoftwareUpdates updates, ServerLease lease,
            UnaryOperator<String> properties, Clock clock) throws ServicingException {
        this.database = database;
        this.lease = lease;
        this.images = images;
        this.updates = updates;
        this.properties = properties;
        this.dataFolder = LogSettings.dataFolder(properties);
        this.clock = Clock.tick(clock, Duration.ofNanos(1000));
        this.haltAt = properties.apply(HALT_AT);
        recoverInterrupted();
    }

    /** A servicer, as DS binds one: for a pipeline made outside DS (a test's site server on another catalog). */
    void addServicer(ImageServicer servicer) {
        servicers.add(servicer);
    }

    /** The work folder's parent: the configured servicing drive, or Automatic (the data folder's file system). */
    Path servicingDrive(ServicingLog log) throws ServicingException {
        String configured = configured().orElse(null);
        if (configured != null && !configured.isBlank() && !configured.equalsIgnoreCase("automatic")) {
            Path drive = Path.of(configured);
            if (Files.isDirectory(drive)) {
                return drive;
            }
            if (log != null) {
                log.info("the servicing drive " + configured + " does not exist; using Automatic (" + dataFolder + ")");
            }
        }
        return dataFolder;
    }

    @Override
    public Optional<String> configured() throws ServicingException {
        String setting = transaction("servicing drive", connection -> settings.get(connection, DRIVE_SETTING));
        String configured = setting != null ? setting : properties.apply(DRIVE);
        return configured == null || configured.isBlank() || configured.strip().equalsIgnoreCase("automatic") ? Optional.empty()
                : Optional.of(configured.strip());
    }

    @Override
    public Path effective() throws ServicingException {
        return servicingDrive(null);
    }

    @Override
    public void set(String folder) throws ServicingException {
        String value = folder == null || folder.isBlank() ? "automatic" : folder.strip();
        if (!value.equalsIgnoreCase("automatic") && !Path.of(value).isAbsolute()) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, "the servicing drive must be an absolute folder path or "
                    + "'automatic', not " + value);
        }
        transaction("set the servicing drive", connection -> {
            settings.put(connection, DRIVE_SETTING, value);
            return null;
        });
    }

    @Override
    public ServicingRun serviceNow(ServicingRequest request, WimProgress progress) throws ServicingException {
        ServicingTarget image = target(request.imageId());
        List<UpdatePackage> selected = new ArrayList<>();
        for (String id : request.updateIds()) {
            selected.add(update(id));
        }
        if (selected.isEmpty()) {
            throw new ServicingException(Reason.INVALID_ARGUMENT, "no updates were selected");
        }
        refuseWhatDoesNotFit(image, selected);
        Path stored = Path.of(image.storedPath());
        long sizeBefore = size(stored);
        if (request.optimize()) {
            checkOptimizable(image);
        }
        List<Path> contents = new ArrayList<>();
        long packageBytes = 0;
        for (UpdatePackage update : selected) {
            Path content = content(update.id());
            contents.add(content);
            packageBytes += size(content);
        }
        recoverInterrupted(); // a gone server's run of this image would refuse it as busy
        if (!running.add(image.id())) {
            throw new ServicingException(Reason.BUSY, image.name() + " is being serviced already");
        }
        try {
            return run(request, image, selected, contents, sizeBefore, packageBytes, progress);
        } finally {
            running.remove(image.id());
        }
    }

    private ServicingRun run(ServicingRequest request, ServicingTarget image, List<UpdatePackage> selected,
            List<Path> contents, long sizeBefore, long packageBytes, WimProgress progress) throws ServicingException {
        Path drive = servicingDrive(null);
        // The copy, and with optimize its export, plus the packages; the work folder holds all of them at once.
        long needed = sizeBefore * (request.optimize() ? 2 : 1) + packageBytes + 64L * 1024 * 1024;
        long available = usableSpace(drive);
        if (available < needed) {
            throw new ServicingException(Reason.NO_SPACE, "the servicing drive " + drive + " has " + available
                    + " bytes free; servicing " + image.name() + " needs " + needed);
        }
        Instant started = clock.instant();
        long runId = transaction("start servicing " + image.id(), connection -> {
            runs.lockImage(connection, image.id());
            if (runs.inProcess(connection, image.id())) {
                return -1L;
            }
            long id = runs.allocateId(connection);
            runs.insert(connection, new ServicingRun(id, image.id(), RunStatus.IN_PROCESS, 0, request.continueOnError(),
                    request.optimize(), started, null, sizeBefore, sizeBefore, 0, 0, 0, List.of(), "in process",
                    logFolder().resolve(image.id() + "-run-" + id + ".log").toString()), lease.id(),
                    workFolder(drive, id).toString());
            return id;
        });
        if (runId < 0) {
            throw new ServicingException(Reason.BUSY, image.name() + " is being serviced by another site server");
        }
        Path work = workFolder(drive, runId);
        try (ServicingLog log = new ServicingLog(logFolder(), image.id(), runId)) {
            servicingDrive(log);
            log.info("servicing " + image.name() + " (" + image.storedPath() + ", index " + image.imageIndex() + ") with "
                    + selected.size() + " update(s); continue on error " + request.continueOnError() + ", optimize "
                    + request.optimize() + "; work folder " + work);
            RunWork result = new RunWork(request, image, log, work, new CancelRequests(progress, runId), runId);
            ServicingRun finished;
            try {
                finished = result.execute(selected, contents, sizeBefore, started);
            } finally {
                deleteTree(work);
            }
            log.info("run " + finished.status() + ": " + finished.message() + "; size " + finished.sizeBefore() + " -> "
                    + finished.sizeAfter() + " bytes, took " + Duration.between(started, finished.endedAt()).toMillis() + " ms");
            return new DistributionPointsStep(database, runs).after(request, finished, distributionPoints, log, progress);
        }
    }

    /** One run's work, from the copy of the WIM to the commit. */
    private final class RunWork {
        private final ServicingRequest request;
        private final ServicingTarget image;
        private final ServicingLog log;
        private final Path work;
        private final WimProgress progress;
        private final long runId;
        private final List<UpdateResult> results = new ArrayList<>();
        private int added;
        private int changed;
        private int removed;

        RunWork(ServicingRequest request, ServicingTarget image, ServicingLog log, Path work, WimProgress progress, long runId) {
            this.request = request;
            this.image = image;
            this.log = log;
            this.work = work;
            this.progress = progress;
            this.runId = runId;
        }

        ServicingRun execute(List<UpdatePackage> selected, List<Path> contents, long sizeBefore, Instant started)
                throws ServicingException {
            Path stored = Path.of(image.storedPath());
            String failure = null;
            RunStatus status;
            try {
                Files.createDirectories(work);
                Path copy = work.resolve("image.wim");
                progress.beginTask("Servicing " + image.name(), selected.size() + 3L);
                progress.subTask("copying " + stored.getFileName() + " to the work folder");
                copy(stored, copy, progress);
                progress.worked(1);
                percent(5);
                failure = applyAll(copy, selected, contents);
                boolean anyApplied = results.stream().anyMatch(r -> r.outcome() == Outcome.APPLIED);
                if (failure != null && !request.continueOnError()) {
                    status = RunStatus.FAILED;
                } else if (!anyApplied) {
                    status = RunStatus.FAILED;
                    failure = failure != null ? failure : "no update was applied";
                } else {
                    Path result = request.optimize() ? optimized(copy) : copy;
                    progress.worked(1);
                    status = failure == null ? RunStatus.SUCCESSFUL : RunStatus.FAILED;
                    String message = message(status, failure, true);
                    long sizeAfter = commit(stored, result, status, message);
                    progress.worked(1);
                    if (failure != null) {
                        log.error(message);
                    }
                    return recordCommitted(status, message, sizeBefore, sizeAfter, started);
                }
            } catch (ServicingException e) {
                if (e.reason() != Reason.CANCELLED) {
                    throw finishFailed(e, sizeBefore, started);
                }
                status = RunStatus.CANCELLED;
                failure = "cancelled; nothing was committed";
            } catch (org.fenestra.wim.errors.WimCancelledException e) {
                status = RunStatus.CANCELLED;
                failure = "cancelled; nothing was committed";
            } catch (IOException e) {
                throw finishFailed(new ServicingException(Reason.IO, e.getMessage(), e), sizeBefore, started);
            } catch (RuntimeException | Error e) {
                // a bug or the heap running out: the run ends FAILED rather than staying in process under a live lease
                ServicingException failed = finishFailed(new ServicingException(Reason.IO, "the run broke off: " + e, e),
                        sizeBefore, started);
                if (e instanceof Error error) {
                    throw error;
                }
                throw failed;
            }
            String message = message(status, failure, false); // the committed path returned above
            if (failure != null) {
                log.error(message);
            }
            return finish(status, message, sizeBefore, sizeBefore, started);
        }

        private String message(RunStatus status, String failure, boolean committed) {
            long applied = appliedIds().size();
            return switch (status) {
                case SUCCESSFUL -> applied + " update(s) applied";
                case CANCELLED -> failure;
                default -> failure + (committed ? "; the " + applied + " applied update(s) were committed (continue on error)"
                        : "; nothing was committed");
            };
        }

        private List<String> appliedIds() {
            return results.stream().filter(r -> r.outcome() == Outcome.APPLIED).map(UpdateResult::updateId).toList();
        }

        /** Applies the updates in order; returns the first failure's message, or null. */
        private String applyAll(Path copy, List<UpdatePackage> selected, List<Path> contents)
                throws ServicingException, IOException {
            List<UpdatePackage> ordered = UpdateOrder.order(selected);
            Set<String> superseded = request.optimize() ? UpdateOrder.supersededWithin(selected) : Set.of();
            Path sessionWork = Files.createDirectories(work.resolve("servicer"));
            ServicingSession session = null;
            ImageServicer sessionServicer = null;
            String firstFailure = null;
            try {
                int done = 0;
                for (UpdatePackage update : ordered) {
                    WimProgress.checkCanceled(progress);
                    Path content = contents.get(selected.indexOf(update));
                    if (superseded.contains(update.id())) {
                        result(update, Outcome.SKIPPED, "", "superseded by " + update.supersededBy() + " (optimize)");
                        continue;
                    }
                    if (firstFailure != null && !request.continueOnError()) {
                        result(update, Outcome.SKIPPED, "", "not tried: the run stopped at the first failure");
                        continue;
                    }
                    Optional<ImageServicer> best = best(update);
                    if (best.isEmpty()) {
                        result(update, Outcome.NOT_SUPPORTED, "", notSupportedReason(update));
                        continue;
                    }
                    if (sessionServicer != best.get()) {
                        if (session != null) {
                            finishSession(session, sessionServicer, firstFailure);
                        }
                        sessionServicer = best.get();
                        String servicerName = sessionServicer.name();
                        session = sessionServicer.open(copy, image.imageIndex(), sessionWork, progress,
                                line -> log.info(servicerName + ": " + line));
                    }
                    Instant began = clock.instant();
                    log.info(update.id() + " " + update.articleId() + " (" + update.packageType() + ", " + update.title()
                            + "): applying with the " + sessionServicer.name() + " servicer");
                    try {
                        PackageOutcome outcome = session.addPackage(new ServicingPackage(update.id(), content,
                                update.packageType()), progress);
                        long millis = Duration.between(began, clock.instant()).toMillis();
                        if (outcome.result() == PackageOutcome.Result.APPLIED) {
                            added += outcome.filesAdded();
                            changed += outcome.filesChanged();
                            removed += outcome.filesRemoved();
                            result(update, Outcome.APPLIED, sessionServicer.name(), outcome.detail() + " in " + millis + " ms");
                        } else {
                            result(update, Outcome.NOT_SUPPORTED, sessionServicer.name(), outcome.detail());
                        }
                    } catch (ServicingException e) {
                        if (e.reason() == Reason.CANCELLED) {
                            throw e;
                        }
                        result(update, Outcome.FAILED, sessionServicer.name(), e.getMessage());
                        if (firstFailure == null) {
                            firstFailure = update.id() + " failed: " + e.getMessage();
                        }
                    }
                    percent(5 + 80 * ++done / Math.max(1, ordered.size()));
                    progress.worked(1);
                }
                WimProgress.checkCanceled(progress);
                if (session != null) {
                    finishSession(session, sessionServicer, firstFailure);
                    session = null;
                }
            } catch (org.fenestra.wim.errors.WimCancelledException e) {
                throw new ServicingException(Reason.CANCELLED, "cancelled", e);
            } finally {
                if (session != null) {
                    session.close();
                }
            }
            return firstFailure;
        }

        /**
         * Commits a servicer's session; with optimize, after its component cleanup (where it has one).
         * A cleanup failure fails the run (the session is then discarded and nothing committed); there
         * is none to do when the run will not commit anyway.
         */
        private void finishSession(ServicingSession session, ImageServicer servicer, String firstFailure)
                throws ServicingException {
            if (request.optimize() && (firstFailure == null || request.continueOnError())) {
                progress.subTask("optimizing: component cleanup (" + servicer.name() + ")");
                log.info("optimizing: component cleanup with the " + servicer.name() + " servicer");
                boolean cleaned;
                try {
                    cleaned = session.cleanupComponents(progress);
                } catch (ServicingException e) {
                    if (e.reason() == Reason.CANCELLED) {
                        throw e;
                    }
                    throw new ServicingException(e.reason(), "component cleanup by the " + servicer.name()
                            + " servicer failed: " + e.getMessage(), e);
                }
                log.info(cleaned ? "component cleanup done" : "the " + servicer.name() + " servicer has no component cleanup");
            }
            session.commit(progress);
        }

        private void result(UpdatePackage update, Outcome outcome, String servicer, String detail) {
            results.add(new UpdateResult(update.id(), outcome, servicer, detail));
            String line = update.id() + " " + update.articleId() + ": " + outcome + (servicer.isEmpty() ? "" : " (" + servicer + ")")
                    + ": " + detail;
            if (outcome == Outcome.FAILED) {
                log.error(line);
            } else {
                log.info(line);
            }
        }

        /** Component cleanup where the servicer has one, then export of the index into a new WIM. */
        private Path optimized(Path copy) throws ServicingException, IOException {
            progress.subTask("optimizing: exporting the serviced image into a new WIM");
            log.info("optimizing: exporting index " + image.imageIndex() + " into a new WIM");
            Path exported = work.resolve("optimized.wim");
            try (WimFile wim = WimFile.open(copy)) {
                WimWriter.export(wim, List.of(image.imageIndex()), exported, null, null, wim.writeOptionsKeepingCompression(),
                        progress);
            } catch (org.fenestra.wim.errors.WimCancelledException e) {
                throw new ServicingException(Reason.CANCELLED, "cancelled", e);
            }
            log.info("optimized: exported index " + image.imageIndex() + " into a new WIM (" + size(copy) + " -> "
                    + size(exported) + " bytes)");
            return exported;
        }

        /**
         * Verifies the new WIM, writes it beside the catalog's file under a temporary name, journals the
         * swap (with the run's outcomes, so a kill after the rename is finished at the next start) and
         * renames it over. Returns the new file's size.
         */
        private long commit(Path stored, Path result, RunStatus status, String message)
                throws ServicingException, IOException {
            WimProgress.checkCanceled(progress);
            progress.subTask("verifying the serviced WIM");
            log.info("verifying the serviced WIM");
            try (WimFile wim = WimFile.open(result)) {
                WimVerifyReport report = wim.verify(progress);
                if (!report.ok()) {
                    throw new ServicingException(Reason.IO, "the serviced WIM does not verify: " + report.badBlobs().size()
                            + " bad and " + report.missingBlobs().size() + " missing blob(s)");
                }
            } catch (org.fenestra.wim.errors.WimCancelledException e) {
                throw new ServicingException(Reason.CANCELLED, "cancelled", e);
            }
            Path temporary = temporaryFile(stored, runId);
            boolean journaled = false;
            try {
                String sha256 = placeBeside(result, temporary, log, progress);
                WimProgress.checkCanceled(progress); // the last point a cancel is honoured: after it, the swap
                long sizeAfter = size(temporary);
                CommitJournal.Entry entry = new CommitJournal.Entry(runId, image.id(), stored.toString(), temporary.toString(),
                        sha256, sizeAfter, status, message, appliedIds());
                journaled = transaction("journal the commit of run " + runId, connection -> {
                    if (!runs.inProcess(connection, runId)) {
                        return false;
                    }
                    runs.recordOutcomes(connection, runId, results);
                    journal.write(connection, entry);
                    return true;
                });
                if (!journaled) {
                    throw new ServicingException(Reason.BUSY, "another site server took this run as interrupted "
                            + "(this server's lease expired); nothing was committed");
                }
                haltIf("journaled");
                Files.move(temporary, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                fsyncFolder(stored.getParent());
                haltIf("renamed");
                log.info("committed: " + stored + " replaced by the serviced WIM");
                return sizeAfter;
            } catch (org.fenestra.wim.errors.WimCancelledException e) {
                throw new ServicingException(Reason.CANCELLED, "cancelled", e);
            } catch (IOException | ServicingException | RuntimeException e) {
                if (journaled) {
                    forgetJournal(e);
                }
                throw e;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }

        /** The rename failed after the journal row was written: the swap did not happen, so the row goes. */
        private void forgetJournal(Exception failure) {
            try {
                transaction("forget the commit of run " + runId, connection -> {
                    journal.remove(connection, runId);
                    return null;
                });
            } catch (ServicingException e) {
                failure.addSuppressed(e); // the next start compares checksums and finds nothing was committed
            }
        }

        /** The swap happened: the applied updates, the image's new content version and the run, with the journal row gone. */
        /**
         * After the rename the run is committed whatever happens here: recording it is tried a few
         * times, and when the catalog still refuses, the run stays in process with its commit journaled
         * (never FAILED beside the new WIM) and the next recovery (this server's next run or start,
         * or any server once this one's lease lapses) finishes the recording from the journal.
         */
        private ServicingRun recordCommitted(RunStatus status, String message, long sizeBefore, long sizeAfter,
                Instant started) {
            recordApplied(image.id(), appliedIds(), log);
            ServicingRun run = new ServicingRun(runId, image.id(), status, status == RunStatus.SUCCESSFUL ? 100 : 0,
                    request.continueOnError(), request.optimize(), started, clock.instant(), sizeBefore, sizeAfter, added,
                    changed, removed, results, message, log.file().toString());
            Exception failure = null;
            for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
                try {
                    if (attempt > 0) {
                        Thread.sleep(250L << attempt);
                    }
                    transaction("record servicing of " + image.id(), connection -> {
                        runs.imageContentChanged(connection, image.id(), sizeAfter);
                        runs.finishRow(connection, run);
                        journal.remove(connection, runId);
                        return null;
                    });
                    refreshFacts(image.id(), Path.of(image.storedPath()), image.imageIndex(), log);
                    return run;
                } catch (ServicingException | RuntimeException e) {
                    failure = e;
                    log.error("recording the committed run in the catalog failed (attempt " + (attempt + 1) + " of "
                            + RECORD_ATTEMPTS + "): " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                }
            }
            String pending = message + "; the serviced WIM is committed, but recording it in the catalog failed ("
                    + failure.getMessage() + "): it is recorded from the commit journal by the next recovery";
            log.error(pending);
            return new ServicingRun(runId, image.id(), status, run.percentDone(), request.continueOnError(), request.optimize(),
                    started, run.endedAt(), sizeBefore, sizeAfter, added, changed, removed, results, pending,
                    log.file().toString());
        }

        private void percent(int value) {
            try {
                transaction("servicing progress", connection -> {
                    runs.progress(connection, runId, value);
                    return null;
                });
            } catch (ServicingException e) {
                log.error("recording progress failed: " + e.getMessage());
            }
        }

        private ServicingException finishFailed(ServicingException e, long sizeBefore, Instant started) {
            log.error(e.getMessage());
            try {
                finish(RunStatus.FAILED, e.getMessage() + "; nothing was committed", sizeBefore, sizeBefore, started);
            } catch (ServicingException recording) {
                e.addSuppressed(recording);
            }
            return e;
        }

        private ServicingRun finish(RunStatus status, String message, long sizeBefore, long sizeAfter, Instant started)
                throws ServicingException {
            ServicingRun run = new ServicingRun(runId, image.id(), status, status == RunStatus.SUCCESSFUL ? 100 : 0,
                    request.continueOnError(), request.optimize(), started, clock.instant(), sizeBefore, sizeAfter, added,
                    changed, removed, results, message, log.file().toString());
            transaction("finish servicing run " + runId, connection -> {
                runs.finish(connection, run);
                return null;
            });
            return run;
        }
    }

    private void haltIf(String step) {
        if (step.equals(haltAt)) {
            Runtime.getRuntime().halt(137);
        }
    }

    private Optional<ImageServicer> best(UpdatePackage update) {
        return servicers.stream().filter(s -> s.supports(update.packageType()).supported())
                .max(Comparator.comparingInt(ImageServicer::priority));
    }

    private String notSupportedReason(UpdatePackage update) {
        return servicers.stream().max(Comparator.comparingInt(ImageServicer::priority))
                .map(s -> s.supports(update.packageType()).reason())
                .orElse("not applied: no servicer is installed");
    }

    @Override
    public boolean cancel(String imageId) throws ServicingException {
        return transaction("cancel servicing of " + imageId, connection -> runs.requestCancel(connection, imageId));
    }

    /**
     * The caller's monitor, which also stops the run when a cancel was requested in the database
     * (by servicing-cancel on any site server); the database is asked at most every 250 ms.
     */
    private final class CancelRequests implements WimProgress {
        private static final long POLL_NANOS = 250_000_000L;
        private final WimProgress caller;
        private final long runId;
        private long lastPoll = System.nanoTime() - POLL_NANOS;
        private volatile boolean requested;

        CancelRequests(WimProgress caller, long runId) {
            this.caller = caller;
            this.runId = runId;
        }

        @Override
        public boolean isCanceled() {
            if (requested || caller.isCanceled()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - lastPoll >= POLL_NANOS) {
                lastPoll = now;
                try {
                    requested = transaction("servicing cancel check", connection -> runs.cancelRequested(connection, runId));
                } catch (ServicingException e) {
                    LOG.log(System.Logger.Level.WARNING, "run " + runId + ": cannot check for a cancel request: " + e.getMessage());
                }
            }
            return requested;
        }

        @Override
        public void beginTask(String name, long totalWork) {
            caller.beginTask(name, totalWork);
        }

        @Override
        public void worked(long work) {
            caller.worked(work);
        }

        @Override
        public void subTask(String name) {
            caller.subTask(name);
        }

        @Override
        public void activity(org.fenestra.wim.model.WimActivity activity, String detail) {
            caller.activity(activity, detail);
        }

        @Override
        public void activityWork(long done, long total) {
            caller.activityWork(done, total);
        }

        @Override
        public void scanned(long bytes, long files, long directories) {
            caller.scanned(bytes, files, directories);
        }

        @Override
        public void done() {
            caller.done();
        }
    }

    @Override
    public List<ServicingRun> history(String imageId) throws ServicingException {
        return transaction("servicing history of " + imageId, connection -> runs.history(connection, imageId));
    }

    /**
     * Ends the runs site servers that are gone (lease expired) left in process: a run whose commit was
     * journaled and whose rename happened (the catalog's file has the new WIM's SHA-256) is recorded
     * as committed; every other one is failed (interrupted), its temporary file removed. Its work
     * folder is removed when it is on this host. Of several servers recovering at once, one ends each run.
     * This server's own runs that it is not running any more (their recording failed after the commit)
     * are ended the same way; a run the catalog still refuses to record stays for the next recovery.
     */
    @Override
    public void recoverInterrupted() throws ServicingException {
        List<ServicingRunTable.Interrupted> interrupted = transaction("find interrupted servicing runs",
                connection -> runs.interrupted(connection, lease));
        for (ServicingRunTable.Interrupted found : interrupted) {
            if (running.contains(found.run().imageId())) {
                continue; // this process's run in progress, not an orphan of it
            }
            try {
                recover(found);
            } catch (ServicingException e) {
                // the catalog refuses still: the run stays in process (and journaled) for the next recovery
                LOG.log(System.Logger.Level.WARNING, found.run().imageId() + " run " + found.run().runId()
                        + ": cannot be recovered yet: " + e.getMessage());
            }
        }
    }

    /** Ends one interrupted run: recorded as committed when its journaled rename happened, else failed. */
    private void recover(ServicingRunTable.Interrupted found) throws ServicingException {
        ServicingRun run = found.run();
        CommitJournal.Entry pending = transaction("commit journal of run " + run.runId(),
                connection -> journal.get(connection, run.runId()));
        boolean swapped = pending != null && swapped(pending);
        Path temporary = pending != null ? Path.of(pending.temporaryPath()) : temporaryOf(run);
        if (!swapped && temporary != null) {
            deleteQuietly(temporary);
        }
        if (swapped) {
            recordApplied(run.imageId(), pending.appliedIds(), null);
        }
        RunStatus status = swapped ? pending.finalStatus() : RunStatus.FAILED;
        long sizeAfter = swapped ? pending.sizeAfter() : run.sizeBefore();
        String message = swapped
                ? pending.finalMessage() + " (the site server stopped or lost the catalog after the commit; recorded at the next start)"
                : "interrupted: the site server stopped during the run; nothing was committed";
        boolean ended = transaction("end interrupted servicing run " + run.runId(), connection -> {
            if (!runs.endInterrupted(connection, run.runId(), status, sizeAfter, message, clock.instant())) {
                return false;
            }
            if (swapped) {
                runs.imageContentChanged(connection, run.imageId(), sizeAfter);
            }
            journal.remove(connection, run.runId());
            return true;
        });
        if (ended) {
            LOG.log(System.Logger.Level.WARNING, run.imageId() + " run " + run.runId() + ": " + message);
            if (swapped) {
                refreshFacts(run.imageId(), Path.of(pending.storedPath()), imageIndex(run.imageId()), null);
            }
            if (found.workFolder() != null) {
                deleteTree(Path.of(found.workFolder()));
            }
        }
    }

    /** Whether the journaled rename happened: the catalog's file is the new WIM. */
    private static boolean swapped(CommitJournal.Entry pending) {
        Path stored = Path.of(pending.storedPath());
        try {
            return Files.isRegularFile(stored) && Files.size(stored) == pending.sizeAfter()
                    && sha256(stored).equals(pending.newSha256());
        } catch (IOException e) {
            return false;
        }
    }

    /** The temporary file a run killed before journaling may have left beside the catalog's file. */
    private Path temporaryOf(ServicingRun run) {
        try {
            return temporaryFile(Path.of(images.target(run.imageId()).storedPath()), run.runId());
        } catch (CatalogException e) {
            return null; // the image is gone, and with it its folder's business
        }
    }

    private static Path temporaryFile(Path stored, long runId) {
        return stored.resolveSibling(stored.getFileName() + ".servicing-" + runId + ".tmp");
    }

    private static Path workFolder(Path drive, long runId) {
        return drive.resolve(WORK_FOLDER).resolve("run-" + runId);
    }

    /**
     * Reads the committed image's facts from its own hives, as the import does, and stores them when
     * they changed (a cumulative update raises the UBR; applicability compares updates with it). A
     * failure is logged: the WIM is committed either way, and facts that cannot be read are left as they were.
     */
    private void refreshFacts(String imageId, Path wim, int index, ServicingLog log) {
        try (WimFile file = WimFile.open(wim)) {
            WindowsFacts read = WindowsTrees.facts(file.openImage(index), WimProgress.NONE);
            if (!read.isWindows() || read.build() <= 0) {
                return; // no readable SOFTWARE hive: nothing better than what the catalog has
            }
            ImageFacts now = new ImageFacts(read.productName(), read.editionId(), read.installationType(), read.build(),
                    read.ubr(), read.displayVersion(), read.languages());
            ImageFacts before = images.facts(imageId);
            if (!now.equals(before)) {
                images.setFacts(imageId, now);
                logLine(log, "image facts refreshed from the serviced WIM: build " + before.build() + "." + before.ubr()
                        + " -> " + now.build() + "." + now.ubr(), false);
            }
        } catch (IOException | CatalogException e) {
            logLine(log, "refreshing the image facts of " + imageId + " failed: " + e.getMessage(), true);
        }
    }

    private static void logLine(ServicingLog log, String line, boolean error) {
        if (log == null) {
            LOG.log(error ? System.Logger.Level.ERROR : System.Logger.Level.INFO, line);
        } else if (error) {
            log.error(line);
        } else {
            log.info(line);
        }
    }

    private int imageIndex(String imageId) {
        try {
            return images.get(imageId).imageIndex();
        } catch (CatalogException e) {
            return 1;
        }
    }

    /** Records the applied updates on the image; a failure is logged, as the WIM holds them either way. */
    private void recordApplied(String imageId, List<String> applied, ServicingLog log) {
        try {
            updates.recordApplied(imageId, applied);
        } catch (UpdateException e) {
            logLine(log, "recording the applied updates of " + imageId + " failed: " + e.getMessage(), true);
        }
    }

    private Path logFolder() {
        return dataFolder.resolve(LogSettings.LOGS_FOLDER).resolve("servicing");
    }

    /** The OS image or upgrade package (its install.wim) to service. */
    private ServicingTarget target(String id) throws ServicingException {
        try {
            return images.target(id);
        } catch (ImageNotFoundException e) {
            throw new ServicingException(Reason.NO_SUCH_IMAGE, "no OS image or OS upgrade package " + id, e);
        } catch (CatalogException e) {
            throw new ServicingException(Reason.DATABASE, e.getMessage(), e);
        }
    }

    private UpdatePackage update(String id) throws ServicingException {
        try {
            return updates.get(id);
        } catch (UpdateException e) {
            throw new ServicingException(e.reason() == UpdateException.Reason.NO_SUCH_UPDATE ? Reason.NO_SUCH_UPDATE
                    : Reason.DATABASE, e.getMessage(), e);
        }
    }

    private Path content(String id) throws ServicingException {
        try {
            return updates.downloadedContent(id);
        } catch (UpdateException e) {
            throw new ServicingException(Reason.NOT_DOWNLOADED, id + " is not downloaded: " + e.getMessage()
                    + " (download it first: fenestra:updates-download " + id + ")", e);
        }
    }

    /**
     * Refuses, before anything starts, an update built for another architecture than the image's (a
     * neutral one fits every image) and one already applied to it. Where the image's installed
     * updates cannot be read the run goes on: the servicer checks each package against the image itself.
     */
    private void refuseWhatDoesNotFit(ServicingTarget image, List<UpdatePackage> selected) throws ServicingException {
        String architecture = imageArchitecture(image.id());
        for (UpdatePackage update : selected) {
            if (architecture != null && update.architecture() != UpdateArchitecture.NEUTRAL
                    && !update.architecture().name().equals(architecture)) {
                throw new ServicingException(Reason.NOT_APPLICABLE, update.id() + " (" + update.articleId() + ") is built for "
                        + update.architecture().name().toLowerCase(java.util.Locale.ROOT) + " and " + image.name() + " is "
                        + architecture.toLowerCase(java.util.Locale.ROOT) + "; nothing was started");
            }
        }
        Set<String> applied = appliedUpdateIds(image.id());
        for (UpdatePackage update : selected) {
            if (applied.contains(update.id())) {
                throw new ServicingException(Reason.NOT_APPLICABLE, update.id() + " (" + update.articleId() + ") is applied to "
                        + image.name() + " already; nothing was started");
            }
        }
    }

    private String imageArchitecture(String imageId) {
        try {
            return images.get(imageId).architecture().name();
        } catch (CatalogException e) {
            return null; // the run's own reading of the image reports it
        }
    }

    private Set<String> appliedUpdateIds(String imageId) {
        try {
            return updates.installedUpdates(imageId).installed().stream().map(InstalledUpdate::updateId)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
        } catch (UpdateException e) {
            LOG.log(System.Logger.Level.WARNING, imageId + ": its installed updates cannot be read (" + e.getMessage()
                    + "); the servicer checks each package against the image");
            return Set.of();
        }
    }

    /** Optimize exports one index into a new WIM, which would drop the others: refused for a WIM holding several. */
    static void checkOptimizable(ServicingTarget target) throws ServicingException {
        int count = imageCount(Path.of(target.storedPath()));
        if (count > 1) {
            throw new ServicingException(Reason.OPTIMIZE_REFUSED, "optimize is refused for " + target.name()
                    + ": its WIM holds " + count + " images, and exporting one index would drop the others");
        }
    }

    private static int imageCount(Path wim) throws ServicingException {
        try (WimFile file = WimFile.open(wim)) {
            return file.imageCount();
        } catch (IOException e) {
            throw new ServicingException(Reason.BAD_IMAGE, wim + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) throws ServicingException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ServicingException(Reason.BAD_IMAGE, file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static long usableSpace(Path drive) throws ServicingException {
        try {
            Files.createDirectories(drive);
            return Files.getFileStore(drive).getUsableSpace();
        } catch (IOException e) {
            throw new ServicingException(Reason.IO, "the servicing drive " + drive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the serviced WIM at {@code temporary} (beside the catalog's file) and forces it to disk;
     * returns its SHA-256 (hex). Moved there when the servicing drive is the catalog's file system (a
     * rename, no second write of the whole image), else copied.
     */
    private static String placeBeside(Path result, Path temporary, ServicingLog log, WimProgress progress)
            throws IOException {
        try {
            Files.move(result, temporary, StandardCopyOption.ATOMIC_MOVE);
            log.info("committing: the serviced WIM moved beside the catalog's file as " + temporary.getFileName());
            return forcedSha256(temporary, progress);
        } catch (AtomicMoveNotSupportedException e) {
            log.info("committing: writing the serviced WIM beside the catalog's file as " + temporary.getFileName()
                    + " (the servicing drive is another file system)");
            return copy(result, temporary, progress);
        }
    }

    /** Forces a file to disk and reads its SHA-256 (hex), cancellable. */
    private static String forcedSha256(Path file, WimProgress progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return sha256(file, progress);
    }

    /** Copies a file in chunks, cancellable, and forces it to disk; returns the copy's SHA-256 (hex). */
    static String copy(Path from, Path to, WimProgress progress) throws IOException {
        byte[] buffer = new byte[1 << 20];
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                WimProgress.checkCanceled(progress);
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
        }
        try (FileChannel channel = FileChannel.open(to, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(Path file) throws IOException {
        return sha256(file, WimProgress.NONE);
    }

    private static String sha256(Path file, WimProgress progress) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                WimProgress.checkCanceled(progress);
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + file + ": " + e.getMessage());
        }
    }

    private static void fsyncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened; the rename itself is atomic
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the work folder " + folder + ": " + e.getMessage());
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
