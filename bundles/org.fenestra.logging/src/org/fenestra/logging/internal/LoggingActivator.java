package org.fenestra.logging.internal;

import java.io.IOException;
import java.util.List;
import java.util.logging.LogRecord;

import org.fenestra.logging.LogSettings;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets logging up in two steps. When the bundle starts (the products start it at level 1,
 * before anything else logs), JUL's console handler is replaced by a holder of the start-up's
 * events. Once the ServiceLoader mediator (SPI Fly) and Logback have started, so that SLF4J finds
 * Logback, Logback is configured, JUL is bridged into it, the held events are written and the
 * OSGi log is forwarded to it. An event logged by another thread during that hand-over is lost;
 * none is printed on the console. An activator rather than a DS component: it must run before
 * the components whose events it routes, not when one of them needs it.
 */
public final class LoggingActivator implements BundleActivator {

    private EarlyJulEvents early;
    private FrameworkListener startedCheck;
    private SynchronousBundleListener nextBundleEvent;
    private volatile boolean started;
    private final OsgiLogForwarder osgiLogForwarder = new OsgiLogForwarder();
    private ServiceTracker<LogReaderService, LogReaderService> osgiLog;

    @Override
    public void start(BundleContext context) {
        early = EarlyJulEvents.install();
        // SPI Fly adds Logback to its ServiceLoader registry while handling Logback's (or its own)
        // start event, so SLF4J is first asked at the next start event of another bundle: still
        // before that bundle's activator runs, so before anything started later can log.
        nextBundleEvent = event -> {
            if ((event.getType() == BundleEvent.STARTING || event.getType() == BundleEvent.STARTED)
                    && !Slf4jProviders.isPartOfTheBinding(event.getBundle()) && Slf4jProviders.areActive(context)) {
                setUp(context);
            }
        };
        startedCheck = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                if (Slf4jProviders.areActive(context)) {
                    setUp(context);
                } else if (!Slf4jProviders.areInstalled(context)) {
                    warn("logging is not set up: Logback (ch.qos.logback.classic) and the ServiceLoader mediator"
                            + " (org.apache.aries.spifly.dynamic.bundle) that binds SLF4J to it are both needed");
                }
            }
        };
        context.addBundleListener(nextBundleEvent);
        context.addFrameworkListener(startedCheck);
    }

    private synchronized void setUp(BundleContext context) {
        if (started) {
            return;
        }
        started = true;
        LogSettings settings;
        try {
            settings = LogSettings.load(context::getProperty);
        } catch (IOException | IllegalArgumentException e) {
            settings = LogSettings.defaults(LogSettings.dataFolder(context::getProperty));
            warn("logging settings ignored (" + e.getMessage() + "); logging to " + settings.folder());
        }
        List<LogRecord> held = early.detach();
        List<String> problems;
        try {
            problems = LoggingSetup.start(settings);
        } catch (IllegalStateException e) {
            warn("logging is not set up: " + e.getMessage());
            return;
        }
        if (!problems.isEmpty()) {
            // one line: the files usually fail together, for one reason
            warn("cannot write the log files in " + settings.folder() + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        }
        SLF4JBridgeHandler bridge = new SLF4JBridgeHandler();
        held.forEach(bridge::publish);
        osgiLog = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                if (reader != null) {
                    reader.addLogListener(osgiLogForwarder);
                }
                return reader;
            }

            @Override
            public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
                reader.removeLogListener(osgiLogForwarder);
                super.removedService(reference, reader);
            }
        };
        osgiLog.open();
    }

    @Override
    public synchronized void stop(BundleContext context) {
        context.removeFrameworkListener(startedCheck);
        context.removeBundleListener(nextBundleEvent);
        early.detach();
        if (osgiLog != null) {
            osgiLog.close();
            osgiLog = null;
        }
        if (started) {
            LoggingSetup.stop();
            started = false;
        }
    }

    /** Problems with logging itself can only be told on standard error, once each, without a stack trace. */
    private static void warn(String message) {
        System.err.println("fenestra: " + message);
    }
}
