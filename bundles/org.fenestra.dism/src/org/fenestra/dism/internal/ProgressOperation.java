package org.fenestra.dism.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Pointer;

import org.fenestra.dism.DismProgress;
import org.fenestra.dism.internal.binding.ProgressCallback;

/**
 * One long DISM call's progress callback and cancel event. DISM may go a long time without
 * calling back, so cancellation is also watched from outside the call: every 50 ms (and on each
 * callback) {@link DismProgress#isCanceled()} is asked, and a {@code true} signals the cancel event.
 */
final class ProgressOperation implements AutoCloseable {

    private static final System.Logger LOG = DismLog.LOG;
    private static final long WATCH_MILLIS = 50;
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "DISM cancel watcher");
        thread.setDaemon(true);
        return thread;
    });

    private final DismProgress progress;
    private final CancelEvent cancelEvent;
    private final ProgressCallback callback;
    private final ScheduledFuture<?> watch;

    ProgressOperation(DismProgress progress) {
        this.progress = progress == null ? DismProgress.NONE : progress;
        this.cancelEvent = CancelEvent.create();
        this.callback = new Callback();
        this.watch = WATCHER.scheduleWithFixedDelay(this::watchCancel, WATCH_MILLIS, WATCH_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    Pointer cancelHandle() {
        return cancelEvent.handle();
    }

    /** Kept referenced by this object for the whole call, so JNA's native stub stays valid. */
    ProgressCallback callback() {
        return callback;
    }

    boolean cancelRequested() {
        return cancelEvent.isSignalled();
    }

    private void watchCancel() {
        try {
            if (progress.isCanceled()) {
                cancelEvent.signal();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A DISM progress monitor failed when asked about cancellation", e);
        }
    }

    @Override
    public void close() {
        watch.cancel(false);
        cancelEvent.close();
    }

    /** A named class, not a lambda: JNA finds a callback's method by reflection on its class. */
    private final class Callback implements ProgressCallback {
        @Override
        public void invoke(int current, int total, Pointer userData) {
            // An exception must not unwind into DISM's native frames.
            try {
                progress.worked(Integer.toUnsignedLong(current), Integer.toUnsignedLong(total));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A DISM progress monitor failed", e);
            }
            watchCancel();
        }
    }
}
