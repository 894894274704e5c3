package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.fenestra.content.library.PackageManifest;
import org.fenestra.distribution.internal.http.DpClient;

/**
 * Watches a pull-DP while it pulls a package: asks it how far it is
 * ({@code GET /admin/pull/ID/VERSION}) every {@code fenestra.distribution.pullPollMillis} (500)
 * and hands each new percentage (0 to 99; 100 is Installed, said by the push) to the listener. A
 * poll that fails is skipped: the pull's own outcome decides the status.
 */
final class PullProgress implements AutoCloseable {

    static final String POLL_MILLIS = "fenestra.distribution.pullPollMillis";

    private final ScheduledExecutorService poller;
    private int lastPercent = -1;

    private PullProgress(DpClient pullDp, PackageManifest manifest, IntConsumer percent) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pull-progress " + manifest.packageId());
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(50, Long.getLong(POLL_MILLIS, 500));
        poller.scheduleWithFixedDelay(() -> poll(pullDp, manifest, percent), every, every, TimeUnit.MILLISECONDS);
    }

    static PullProgress watch(DpClient pullDp, PackageManifest manifest, IntConsumer percent) {
        return new PullProgress(pullDp, manifest, percent);
    }

    private void poll(DpClient pullDp, PackageManifest manifest, IntConsumer percent) {
        try {
            pullDp.pullProgress(manifest).ifPresent(held -> {
                long total = manifest.totalSize();
                int now = (int) (total <= 0 ? 99 : Math.min(99, held * 100 / total));
                if (now != lastPercent) {
                    lastPercent = now;
                    percent.accept(now);
                }
            });
        } catch (IOException | RuntimeException e) {
            // the next poll, or the pull's outcome, tells
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
