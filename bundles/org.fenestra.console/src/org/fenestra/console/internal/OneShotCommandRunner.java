package org.fenestra.console.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the console command given in the framework property {@value #EXEC_PROPERTY} once,
 * prints its result, stops the framework and exits the JVM with the command's status, so
 * schedulers and scripts can call {@code ./fenestra --headless -c "fenestra:status"}.
 * Does nothing when the property is absent (the interactive console).
 */
@Component(immediate = true)
public final class OneShotCommandRunner {

    static final String EXEC_PROPERTY = "fenestra.exec";
    static final int EXIT_OK = 0;
    static final int EXIT_COMMAND_FAILED = 1;
    static final int EXIT_COMMAND_NOT_FOUND = 2;

    /** Commands come from bundles that DS activates in any order; wait this long for ours to appear. */
    private static final long COMMAND_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private static final System.Logger LOG = System.getLogger(OneShotCommandRunner.class.getName());

    @Reference
    private CommandProcessor processor;

    @Activate
    void activate(BundleContext context) {
        String command = context.getProperty(EXEC_PROPERTY);
        if (command == null || command.isBlank()) {
            return;
        }
        Thread runner = new Thread(() -> runAndExit(context, command.strip()), "fenestra-exec");
        runner.start();
    }

    private void runAndExit(BundleContext context, String command) {
        int status;
        if (!awaitCommand(context, CommandName.parse(command))) {
            System.err.println("ERROR: no such command: " + CommandName.parse(command)
                    + " (is its bundle installed and started? try `fenestra:status`)");
            status = EXIT_COMMAND_NOT_FOUND;
        } else {
            status = execute(command);
        }
        System.out.flush();
        System.err.flush();
        stopFrameworkAndExit(context, status);
    }

    private int execute(String command) {
        try (CommandSession session = processor.createSession(System.in, System.out, System.err)) {
            Object result = session.execute(command);
            if (result != null) {
                System.out.println(session.format(result, Converter.INSPECT));
            }
            return EXIT_OK;
        } catch (CommandFailedException failed) {
            System.out.print(failed.getMessage());
            System.out.println();
            return EXIT_COMMAND_FAILED;
        } catch (Exception e) {
            System.err.println("ERROR: " + command + ": " + e.getMessage());
            LOG.log(Level.DEBUG, "one-shot command failed", e);
            return EXIT_COMMAND_FAILED;
        }
    }

    private static boolean awaitCommand(BundleContext context, CommandName name) {
        long deadline = System.currentTimeMillis() + COMMAND_WAIT_MILLIS;
        do {
            try {
                if (context.getServiceReferences((String) null, name.serviceFilter()) != null) {
                    return true;
                }
                Thread.sleep(100);
            } catch (InvalidSyntaxException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.currentTimeMillis() < deadline);
        return false;
    }

    private static void stopFrameworkAndExit(BundleContext context, int status) {
        // The Equinox launcher reads this when the framework stops; System.exit below covers other launchers.
        System.setProperty("eclipse.exitcode", Integer.toString(status));
        try {
            Framework framework = (Framework) context.getBundle(0);
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            LOG.log(Level.WARNING, "framework did not stop cleanly", e);
        }
        System.exit(status);
    }

    /** The {@code scope:function} of a command line, used to find the command's service. */
    record CommandName(String scope, String function) {

        static CommandName parse(String commandLine) {
            String first = commandLine.split("\\s+", 2)[0];
            int colon = first.indexOf(':');
            return colon < 0 ? new CommandName("*", first)
                    : new CommandName(first.substring(0, colon), first.substring(colon + 1));
        }

        String serviceFilter() {
            return "(&(osgi.command.scope=" + escape(scope) + ")(osgi.command.function=" + escape(function) + "))";
        }

        private static String escape(String value) {
            return value.equals("*") ? value : value.replaceAll("([\\\\()*])", "\\\\$1");
        }

        @Override
        public String toString() {
            return scope.equals("*") ? function : scope + ":" + function;
        }
    }
}
