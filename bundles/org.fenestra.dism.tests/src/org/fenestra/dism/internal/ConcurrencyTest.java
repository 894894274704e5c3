package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.fenestra.dism.DismException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.InstalledPackage;

/** Several threads on one process's DISM: one initialisation, sessions in parallel, each thread its own last error. */
class ConcurrencyTest extends StandinTest {

    private static final int THREADS = 6;

    @Test
    void hostsStartedAtOnceShareOneInitialisationAndTheLastShutsDown() throws Exception {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        runAll(thread -> {
            together.await();
            DismHost host = Standin.start();
            together.await();
            host.cleanupMountpoints();
            host.close();
            return null;
        });
        assertEquals(1, Standin.CONTROL.Standin_InitializeCalls());
        assertEquals(1, Standin.CONTROL.Standin_ShutdownCalls());
    }

    @Test
    void sessionsServiceInParallelAndEachThreadGetsItsOwnErrorMessage() throws Exception {
        Standin.CONTROL.Standin_SetProgress(5, 2, 0);
        for (int thread = 0; thread < THREADS; thread++) {
            Standin.failPackage(failingPackage(thread), 0x800F081E, "Nicht anwendbar für Thread " + thread);
        }
        try (DismHost host = Standin.start()) {
            CyclicBarrier together = new CyclicBarrier(THREADS);
            List<List<InstalledPackage>> results = runAll(thread -> {
                try (DismImageSession session = host.openSession("C:\\Mount\\image-" + thread)) {
                    together.await();
                    for (int i = 0; i < 10; i++) {
                        session.addPackage("C:\\Updates\\t" + thread + "-kb" + i + ".cab", false, false, null);
                        DismException e = assertThrows(DismException.class,
                                () -> session.addPackage(failingPackage(thread), false, false, null));
                        assertEquals("Nicht anwendbar für Thread " + thread, e.dismMessage());
                    }
                    return session.packages();
                }
            });
            for (int thread = 0; thread < THREADS; thread++) {
                List<String> names = results.get(thread).stream().map(InstalledPackage::name).toList();
                assertEquals(12, names.size(), names.toString());
                for (int i = 0; i < 10; i++) {
                    assertEquals("Package_for_t" + thread + "-kb" + i, names.get(2 + i));
                }
            }
        }
    }

    private static String failingPackage(int thread) {
        return "C:\\Updates\\not-applicable-" + thread + ".cab";
    }

    private interface PerThread<T> {
        T run(int thread) throws Exception;
    }

    private static <T> List<T> runAll(PerThread<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                futures.add(pool.submit((Callable<T>) () -> work.run(id)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
