package org.fenestra.logging.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.ConsoleHandler;

import org.fenestra.logging.LogConcern;
import org.fenestra.logging.LogSettings;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * What the bundle's activator did in this test runtime, started as in the products (before the
 * ServiceLoader mediator and Logback): JUL's console handler is gone, JUL is bridged, and the
 * mediator's own start-up event, logged through JUL before Logback could be reached, was written
 * to fenestra.log in the data folder (the surefire configuration's {@code fenestra.data}).
 */
class LoggingActivatorTest {

    @Test
    void javaUtilLoggingIsBridgedAndHasNoConsoleHandler() {
        java.util.logging.Handler[] handlers = java.util.logging.Logger.getLogger("").getHandlers();
        assertTrue(Arrays.stream(handlers).noneMatch(ConsoleHandler.class::isInstance), Arrays.toString(handlers));
        assertTrue(Arrays.stream(handlers).anyMatch(SLF4JBridgeHandler.class::isInstance), Arrays.toString(handlers));
    }

    @Test
    void theOsgiLogIsWrittenUnderTheLoggingBundlesName() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(LoggingActivatorTest.class).getBundleContext();
        ServiceReference<LoggerFactory> reference = context.getServiceReference(LoggerFactory.class);
        String marker = "osgi-log-" + UUID.randomUUID();
        context.getService(reference).getLogger(context.getBundle(), "any", org.osgi.service.log.Logger.class)
                .error(marker, new IllegalStateException("the cause"));
        context.ungetService(reference);

        Path general = LogSettings.load(System::getProperty).file(LogConcern.GENERAL);
        // the OSGi log delivers entries to listeners on its own thread
        long deadline = System.nanoTime() + 10_000_000_000L;
        String log = "";
        while (System.nanoTime() < deadline && !(log = Files.readString(general)).contains(marker)) {
            Thread.sleep(50);
        }
        assertTrue(log.contains("ERROR [") && log.contains("org.fenestra.logging - " + marker), log);
        assertTrue(log.contains("java.lang.IllegalStateException: the cause"), log);
    }

    @Test
    void eventsLoggedBeforeLogbackWasReachableAreWrittenOnceItIs() throws IOException {
        Path general = LogSettings.load(System::getProperty).file(LogConcern.GENERAL);
        OffsetDateTime jvmStart = OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), java.time.ZoneId.systemDefault())
                .minusSeconds(1);
        List<String> lines = Files.readAllLines(general);
        // the line of this run, not of an earlier one in the same folder
        assertTrue(lines.stream()
                .filter(line -> line.contains("org.apache.aries.spifly.BaseActivator - Registered provider ch.qos.logback.classic"))
                .anyMatch(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).isAfter(jvmStart)),
                String.join("\n", lines));
    }
}
