package org.fenestra.dism.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.fenestra.dism.DismCancelledException;
import org.fenestra.dism.DismHost;
import org.fenestra.dism.DismImageSession;
import org.fenestra.dism.DismProgress;
import org.fenestra.dism.MountMode;

/**
 * Cancellation reaches DISM through the cancel event: the stand-in runs 1,000 steps of 10 ms
 * (10 s) and polls the event (an eventfd) before each, as DISM does.
 */
class CancelTest extends StandinTest {

    @Test
    void cancelFromTheProgressCallbackStopsTheCallAtOnce() throws Exception {
        Standin.CONTROL.Standin_SetProgress(1000, 10, 0);
        AtomicInteger reports = new AtomicInteger();
        DismProgress progress = new DismProgress() {
            @Override
            public void worked(long current, long total) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return reports.get() >= 3;
            }
        };
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            long start = System.nanoTime();
            DismCancelledException e = assertThrows(DismCancelledException.class,
                    () -> session.addPackage("C:\\Updates\\kb.cab", false, false, progress));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "cancel took " + took);
            assertTrue(reports.get() < 20, reports.get() + " progress reports");
            assertEquals("The operation was canceled.", e.dismMessage());
            assertEquals(2, session.packages().size(), "a cancelled package is not added");
        }
    }

    @Test
    void cancelWithoutAnyCallbackIsSeenByTheWatcher() throws Exception {
        // silent: DISM calls back only at the start and at the end, as during long phases of real servicing
        Standin.CONTROL.Standin_SetProgress(1000, 10, 1);
        long start = System.nanoTime();
        DismProgress cancelAfter200ms = new DismProgress() {
            @Override
            public void worked(long current, long total) {
            }

            @Override
            public boolean isCanceled() {
                return System.nanoTime() - start > Duration.ofMillis(200).toNanos();
            }
        };
        try (DismHost host = Standin.start()) {
            assertThrows(DismCancelledException.class, () -> host.mountImage("C:\\Images\\install.wim", 1,
                    "C:\\Mount\\a", MountMode.READ_WRITE, cancelAfter200ms));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "cancel took " + took);
            assertEquals(List.of(), host.mountedImages(), "a cancelled mount leaves nothing mounted");
        }
    }

    @Test
    void aProgressMonitorThatThrowsDoesNotUnwindIntoDism() throws Exception {
        DismProgress broken = new DismProgress() {
            @Override
            public void worked(long current, long total) {
                throw new IllegalStateException("monitor bug");
            }

            @Override
            public boolean isCanceled() {
                throw new IllegalStateException("monitor bug");
            }
        };
        try (DismHost host = Standin.start(); DismImageSession session = host.openSession("C:\\Mount\\a")) {
            session.commit(broken);
            assertEquals(2, session.packages().size());
        }
    }
}
