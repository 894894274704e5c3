package org.fenestra.wim.format;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on worker threads and hands their results back in submission order, with at most
 * {@code maxInFlight} results pending. This is the only place of the WIM engine that knows
 * about threads: callers submit work and receive results in order.
 *
 * @param <T> result type
 */
public final class OrderedPipeline<T> implements AutoCloseable {

    /** Receives results in submission order. */
    public interface ResultSink<T> {
        void accept(T result) throws IOException;
    }

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), new DaemonThreads());

    private final int maxInFlight;
    private final ResultSink<T> sink;
    private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();

    public OrderedPipeline(int maxInFlight, ResultSink<T> sink) {
        this.maxInFlight = Math.max(1, maxInFlight);
        this.sink = sink;
    }

    /** How many tasks to keep in flight for tasks that each hold {@code bytesPerTask} of memory. */
    public static int parallelism(long bytesPerTask) {
        long budget = Math.min(Runtime.getRuntime().maxMemory() / 8, 256L << 20);
        long byMemory = Math.max(1, budget / Math.max(1, bytesPerTask));
        return (int) Math.min(Runtime.getRuntime().availableProcessors() * 16L, byMemory);
    }

    /** Submits a task; first delivers the oldest result if the pipeline is full. */
    public void submit(Callable<T> task) throws IOException {
        while (inFlight.size() >= maxInFlight) {
            deliverOldest();
        }
        if (maxInFlight == 1) {
            inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(callNow(task)));
            return;
        }
        inFlight.add(WORKERS.submit(task));
    }

    /** Delivers every pending result. */
    public void finish() throws IOException {
        while (!inFlight.isEmpty()) {
            deliverOldest();
        }
    }

    private void deliverOldest() throws IOException {
        Future<T> f = inFlight.poll();
        T result;
        try {
            result = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
        sink.accept(result);
    }

    private static <T> T callNow(Callable<T> task) throws IOException {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t);
    }

    /** Cancels tasks not yet delivered (after an error). */
    @Override
    public void close() {
        for (Future<T> f : inFlight) {
            f.cancel(false);
        }
        inFlight.clear();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "wim-chunk-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
