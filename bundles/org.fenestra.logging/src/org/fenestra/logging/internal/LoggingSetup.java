package org.fenestra.logging.internal;

import java.util.List;

import org.fenestra.logging.LogSettings;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.LoggerContext;

/**
 * Makes Logback the one place every log event goes: configures it from the settings and routes
 * {@code java.util.logging} into SLF4J in place of JUL's console handler (System.Logger's JDK
 * default is JUL, so our code's events take that way too; smbj logs through SLF4J directly).
 * <p>
 * System.Logger is not bridged with a {@code System.LoggerFinder} of its own: the JDK looks one
 * up once, through the system class loader, which cannot see OSGi bundles; through JUL it works
 * in the OSGi products and in the plain-Java WIM command line alike.
 */
public final class LoggingSetup {

    /** A file may pass its size limit by what is logged in this time (Logback's default is a minute). */
    static final long SIZE_CHECK_MILLIS = 1000;

    private LoggingSetup() {
    }

    /**
     * Applies {@code settings} and installs the JUL bridge; may be called again with new settings.
     *
     * @return what went wrong writing the logs (empty when all is well); logging is set up anyway
     * @throws IllegalStateException if SLF4J is not bound to Logback (the ServiceLoader mediator
     *                               that binds them in OSGi, SPI Fly, is missing or started too late)
     */
    public static List<String> start(LogSettings settings) {
        return start(settings, LogSettings.MAX_FILE_BYTES, SIZE_CHECK_MILLIS);
    }

    static List<String> start(LogSettings settings, long maxFileBytes, long sizeCheckMillis) {
        List<String> problems = LogbackSetup.apply(logbackContext(), settings, maxFileBytes, sizeCheckMillis);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        return problems;
    }

    /** Detaches JUL and writes out and closes the log files. */
    public static void stop() {
        SLF4JBridgeHandler.uninstall();
        logbackContext().stop();
    }

    static LoggerContext logbackContext() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            return context;
        }
        throw new IllegalStateException("SLF4J is bound to " + factory.getClass().getName()
                + ", not to Logback: is the ServiceLoader mediator (org.apache.aries.spifly.dynamic.bundle) started"
                + " before anything logs?");
    }
}
