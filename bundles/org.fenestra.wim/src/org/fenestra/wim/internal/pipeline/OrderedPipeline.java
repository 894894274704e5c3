package org.fenestra.wim.internal.pipeline;

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
 * {@code maxInFlight} tasks pending. This is the only place of the WIM engine that knows
 * about threads: callers submit work and receive results in order. Results that need no work
 * ({@link #add}: markers, data to pass through) keep their place in the order without a trip
 * through a worker thread.
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

    /** A result in the queue: a task's future, or (future null) a ready value. */
    private record Pending<T>(Future<T> future, T ready) {
        boolean done() {
            return future == null || future.isDone();
        }
    }

    private final int maxInFlight;
    private final ResultSink<T> sink;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private int tasksInFlight;

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

    /**
     * Submits a task; first delivers results already done, and the oldest ones while
     * {@code maxInFlight} tasks are pending.
     */
    public void submit(Callable<T> task) throws IOException {
        deliverDone();
        while (tasksInFlight >= maxInFlight) {
            deliverOldest();
        }
        if (maxInFlight == 1) {
            add(callNow(task));
            return;
        }
        queue.add(new Pending<>(WORKERS.submit(task), null));
        tasksInFlight++;
    }

    /** Queues a result that needs no work; it is delivered after everything submitted before it. */
    public void add(T result) throws IOException {
        deliverDone();
        if (queue.isEmpty()) {
            sink.accept(result);
            return;
        }
        queue.add(new Pending<>(null, result));
    }

    /** Delivers every pending result. */
    public void finish() throws IOException {
        while (!queue.isEmpty()) {
            deliverOldest();
        }
    }

    private void deliverDone() throws IOException {
        while (!queue.isEmpty() && queue.peek().done()) {
            deliverOldest();
        }
    }

    private void deliverOldest() throws IOException {
        Pending<T> p = queue.poll();
        T result = p.ready();
        if (p.future() != null) {
            tasksInFlight--;
            try {
                result = p.future().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a worker");
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
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
        for (Pending<T> p : queue) {
            if (p.future() != null) {
                p.future().cancel(false);
            }
        }
        queue.clear();
        tasksInFlight = 0;
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
