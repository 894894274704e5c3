package org.fenestra.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a UI test when anything logs an error or an exception while it runs: an error status
 * or any status with an exception in the platform log (where the workbench, SWT and Jobs
 * report what they catch, e.g. {@code SWTException: Widget is disposed}), and a
 * {@code java.util.logging} / {@code System.Logger} record at SEVERE or carrying an exception.
 * Register with {@code @ExtendWith(LoggedErrors.class)}.
 */
public final class LoggedErrors implements BeforeEachCallback, AfterEachCallback {

    private Recorder recorder;

    @Override
    public void beforeEach(ExtensionContext context) {
        System.out.println("UI test starting: " + context.getDisplayName()); // shows which test a hang is in
        recorder = Recorder.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> logged = recorder.stop();
        if (!logged.isEmpty()) {
            throw new AssertionError("logged while " + context.getDisplayName() + " ran:\n" + String.join("\n", logged));
        }
    }

    /** Collects what is logged between {@link #start()} and {@link #stop()}. */
    public static final class Recorder {
        private final List<String> logged = new ArrayList<>();
        private final ILogListener platform = (status, plugin) -> platformStatus(status);
        private final Handler jul = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
                    add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                            + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        private Recorder() {
        }

        public static Recorder start() {
            Recorder recorder = new Recorder();
            Platform.addLogListener(recorder.platform);
            Logger.getLogger("").addHandler(recorder.jul);
            return recorder;
        }

        /** Stops recording and returns what was logged, one line per record. */
        public List<String> stop() {
            Platform.removeLogListener(platform);
            Logger.getLogger("").removeHandler(jul);
            synchronized (logged) {
                return List.copyOf(logged);
            }
        }

        private void platformStatus(IStatus status) {
            if (status.getSeverity() == IStatus.ERROR || status.getException() != null) {
                add("platform log: " + status.getPlugin() + ": " + status.getMessage()
                        + (status.getException() == null ? "" : " " + status.getException()));
            }
            for (IStatus child : status.getChildren()) {
                platformStatus(child);
            }
        }

        private void add(String line) {
            synchronized (logged) {
                logged.add(line);
            }
        }
    }
}
