package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.fenestra.content.library.PackageManifest;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.ContentTransfer;
import org.fenestra.distribution.api.ContentTransfer.Method;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.internal.DeltaRecipe;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;
import org.fenestra.distribution.internal.site.DistributionTables.DpRecord;

/**
 * Pushes one package to one DP: the download key, each file's content from where the DP's copy
 * stops, then the manifest. A DP that cannot be reached (restarting, network) is tried again until
 * the retry window closes; a DP that refuses (wrong secret, wrong bytes) fails at once.
 */
final class DpPush {

    private static final Logger LOG = System.getLogger(DpPush.class.getName());
    private static final int DELTA_ATTEMPTS = 3;

    private final DpRecord dp;
    private final PackageManifest manifest;
    private final Path contentFile;
    private final String downloadKey;
    private final Duration retryWindow;
    private final DistributionListener listener;
    private final Consumer<ContentStatus> record;
    private PullSource pullSource;
    private DeltaPlans deltas;
    /** The DP refused this push's delta: the rest of the push sends the file. */
    private boolean deltaRefused;
    private int deltaAttempts;
    /** Bytes sent to this DP in this push, every attempt counted; written by the push's thread only. */
    private long bytesSent;
    private String note = "";

    /** Where a pull-DP takes the package from, and the token it presents there. */
    record PullSource(DpRecord source, String token) {
    }

    DpPush(DpRecord dp, PackageManifest manifest, Path contentFile, String downloadKey, Duration retryWindow,
            DistributionListener listener, Consumer<ContentStatus> record) {
        this.dp = dp;
        this.manifest = manifest;
        this.contentFile = contentFile;
        this.downloadKey = downloadKey;
        this.retryWindow = retryWindow;
        this.listener = listener;
        this.record = record;
    }

    /** Makes this a pull: the DP takes the package from {@code source} instead of receiving it from the site. */
    DpPush pullingFrom(PullSource source) {
        this.pullSource = source;
        return this;
    }

    /** The DP fails without being asked: its source did not get the content. */
    ContentStatus fail(String reason) {
        return report(State.FAILED, 0, reason);
    }

    /** Lets the push try a WIM delta first when the DP holds an earlier version. */
    DpPush withDeltas(DeltaPlans plans) {
        this.deltas = plans;
        return this;
    }

    ContentStatus run() {
        String sha256 = manifest.files().get(0).sha256();
        long size = manifest.files().get(0).size();
        DpClient client = new DpClient(dp.point().url(), dp.point().fingerprint(), dp.secret());
        Instant deadline = Instant.now().plus(retryWindow);
        report(State.IN_PROGRESS, 0, "");
        while (true) {
            try {
                client.setDownloadKey(downloadKey);
                if (pullSource != null) {
                    try (PullProgress watch = PullProgress.watch(client, manifest, p -> report(State.IN_PROGRESS, p, ""))) {
                        client.pull(manifest, pullSource.source().point().url(), pullSource.source().point().fingerprint(),
                                pullSource.token());
                    }
                    return installed(Method.PULLED);
                }
                DpClient.UploadState state = client.uploadState(sha256);
                if (!state.complete() && state.offset() == 0 && deltas != null && !deltaRefused
                        && deltaAttempts < DELTA_ATTEMPTS) {
                    Optional<DeltaRecipe> recipe = deltas.recipeFor(client);
                    if (recipe.isPresent() && rebuiltFromDelta(client, recipe.get())) {
                        client.putManifest(manifest);
                        return installed(Method.DELTA);
                    }
                }
                long offset = state.complete() ? size : state.offset();
                client.upload(sha256, contentFile, size, progress(offset, size));
                client.putManifest(manifest);
                return installed(bytesSent == 0 && state.complete() ? Method.NOTHING_NEEDED : Method.WHOLE);
            } catch (DpException e) {
                // 409: the DP still holds the previous connection's partial copy; 5xx: passing trouble
                if (e.status() != 409 && e.status() < 500) {
                    return report(State.FAILED, 0, e.getMessage());
                }
                if (Instant.now().isAfter(deadline)) {
                    return report(State.FAILED, 0, e.getMessage());
                }
                if (!pause()) {
                    return report(State.FAILED, 0, "interrupted");
                }
            } catch (IOException | CancelledPush e) {
                if (listener.isCancelled() || e instanceof CancelledPush || hasCause(e, CancelledPush.class)) {
                    return report(State.FAILED, 0, "cancelled");
                }
                if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
                    return report(State.FAILED, 0, "DP unreachable for " + retryWindow.toSeconds() + " s: "
                            + e.getMessage());
                }
                LOG.log(Level.INFO, "DP " + dp.point().name() + ": " + e.getMessage()
                        + "; trying again, continuing where it stopped");
                if (!pause()) {
                    return report(State.FAILED, 0, "interrupted");
                }
            }
        }
    }

    /**
     * Sends the delta; false when the DP refused it (no base, or the rebuilt file's hash was
     * wrong: a damaged base), which it answers having kept nothing, so the whole file goes next.
     * A broken connection is thrown, for the retry loop to try the delta again, up to
     * {@link #DELTA_ATTEMPTS} times (a DP that answers a refusal before reading the request can
     * look like one).
     */
    private boolean rebuiltFromDelta(DpClient client, DeltaRecipe recipe) throws IOException {
        if (++deltaAttempts == DELTA_ATTEMPTS) {
            note = "the delta's connection broke " + DELTA_ATTEMPTS + " times, sent whole";
        }
        try {
            client.rebuild(recipe, contentFile, progress(0, recipe.toBytes().length + recipe.sentBytes()));
            if (deltaAttempts == DELTA_ATTEMPTS) {
                note = "";
            }
            return true;
        } catch (DpException e) {
            deltaRefused = true;
            note = "the delta was refused (" + e.getMessage() + "), sent whole";
            LOG.log(Level.WARNING, "DP " + dp.point().name() + ": " + note);
            return false;
        }
    }

    /** Counts what is sent and reports percent of {@code total}, starting at {@code offset}; cancels. */
    private LongConsumer progress(long offset, long total) {
        AtomicLong sent = new AtomicLong();
        AtomicLong lastPercent = new AtomicLong(-1);
        return bytes -> {
            if (listener.isCancelled()) {
                throw new CancelledPush();
            }
            bytesSent += bytes;
            long percent = total == 0 ? 99 : Math.min(99, (offset + sent.addAndGet(bytes)) * 100 / total);
            if (lastPercent.getAndSet(percent) != percent) {
                report(State.IN_PROGRESS, (int) percent, "");
            }
        };
    }

    private ContentStatus installed(Method method) {
        ContentStatus status = report(State.INSTALLED, 100, "");
        listener.contentSent(new ContentTransfer(manifest.packageId(), dp.point().name(), bytesSent,
                manifest.files().get(0).size(), method, note));
        return status;
    }

    private ContentStatus report(State state, int percent, String reason) {
        ContentStatus status = new ContentStatus(manifest.packageId(), dp.point().name(), state, percent,
                state == State.INSTALLED ? manifest.version() : 0, reason, Instant.now());
        record.accept(status);
        listener.statusChanged(status);
        return status;
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Thrown from the upload's progress callback to stop sending. */
    private static final class CancelledPush extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledPush() {
            super("cancelled", null, false, false);
        }
    }
}
