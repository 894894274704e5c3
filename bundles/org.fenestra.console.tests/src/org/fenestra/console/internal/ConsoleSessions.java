package org.fenestra.console.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The running framework's services and Gogo sessions, for the console tests. */
final class ConsoleSessions {

    private ConsoleSessions() {
    }

    static BundleContext startedConsoleBundle() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(StatusCommand.class);
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
        return bundle.getBundleContext();
    }

    static <T> T await(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, "no " + type.getName() + " service within 30 s");
        return service;
    }

    /** Runs one command line as the console does (bare names find ours first) and returns its result as text. */
    static String execute(BundleContext context, String commandLine) throws Exception {
        CommandProcessor processor = await(context, CommandProcessor.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = HeadlessConsole.openSession(processor, new ByteArrayInputStream(new byte[0]), print,
                        print)) {
            return String.valueOf(session.execute(commandLine));
        }
    }
}
