package org.fenestra.console.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * The headless console on the process's terminal. Two modes, chosen by framework properties
 * (the {@code ./fenestra} script sets them):
 * <ul>
 * <li>{@value #EXEC_PROPERTY}{@code =COMMAND}: run one command, print its result and exit the
 * JVM with its status, for scripts and schedulers ({@code ./fenestra --headless -c "fenestra:status"});</li>
 * <li>{@value #INTERACTIVE_PROPERTY}{@code =true}: an interactive console until {@code exit} or end of
 * input, with line editing, history and Tab completion ({@link InteractiveConsole}).</li>
 * </ul>
 * Both run each line in a session whose {@code SCOPE} searches {@code fenestra} first, so
 * {@code help} and {@code image-list} need no prefix.
 * Neither property: does nothing (e.g. inside the workbench or a test framework).
 */
@Component(immediate = true)
public final class HeadlessConsole {

    static final String EXEC_PROPERTY = "fenestra.exec";
    static final String INTERACTIVE_PROPERTY = "fenestra.console";
    static final String DATA_PROPERTY = "fenestra.data";
    /** Gogo's search path for command names without a scope: ours, then every other scope. */
    static final String SCOPE_VARIABLE = "SCOPE";
    private static final CommandName HELP = new CommandName(ConsoleCommand.SCOPE, "help");

    /*
     * The process's own terminal streams. Gogo replaces System.out/err with thread-routed
     * streams that write into the current session; a session built on those writes into
     * itself, recursing until the stack overflows.
     */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);
    private static final InputStream IN = new FileInputStream(FileDescriptor.in);
    static final int EXIT_OK = 0;
    static final int EXIT_COMMAND_FAILED = 1;
    static final int EXIT_COMMAND_NOT_FOUND = 2;

    /** Commands come from bundles that DS activates in any order; wait this long for ours to appear. */
    private static final long COMMAND_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);

    private static final System.Logger LOG = System.getLogger(HeadlessConsole.class.getName());

    @Reference
    private CommandProcessor processor;

    @Activate
    void activate(BundleContext context) {
        String command = context.getProperty(EXEC_PROPERTY);
        if (command != null && !command.isBlank()) {
            new Thread(() -> runAndExit(context, command.strip()), "fenestra-exec").start();
        } else if (Boolean.parseBoolean(context.getProperty(INTERACTIVE_PROPERTY))) {
            new Thread(() -> interactUntilExit(context), "fenestra-console").start();
        }
    }

    private void interactUntilExit(BundleContext context) {
        awaitCommand(context, HELP);
        OUT.println("Fenestra headless console. help lists the commands, Tab completes, exit (or end of input) stops.");
        int status = new InteractiveConsole(dataFolder(context), new ConsoleCommands(context)).run(this::execute);
        OUT.println();
        stopFrameworkAndExit(context, status);
    }

    /** Where the product keeps its data ({@code fenestra.data}, set from FENESTRA_HOME by ./fenestra). */
    private static Path dataFolder(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        return data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"), ".fenestra");
    }

    private void runAndExit(BundleContext context, String command) {
        int status;
        // Ours first: the session's SCOPE finds a bare name (help, image-list) among them before Gogo's.
        awaitCommand(context, HELP);
        if (!awaitCommand(context, CommandName.parse(command))) {
            ERR.println("ERROR: no such command: " + CommandName.parse(command)
                    + " (is its bundle installed and started? try `fenestra:status`)");
            status = EXIT_COMMAND_NOT_FOUND;
        } else {
            status = execute(command);
        }
        OUT.flush();
        ERR.flush();
        stopFrameworkAndExit(context, status);
    }

    /** Runs one command line in a fresh session and prints its result; returns the exit status. */
    private int execute(String command) {
        try (CommandSession session = openSession(processor, IN, OUT, ERR)) {
            Object result = session.execute(command);
            if (result != null) {
                OUT.println(session.format(result, Converter.INSPECT));
            }
            return EXIT_OK;
        } catch (CommandFailedException failed) {
            OUT.print(failed.getMessage());
            OUT.println();
            return EXIT_COMMAND_FAILED;
        } catch (Exception e) {
            ERR.println("ERROR: " + command + ": " + e.getMessage());
            LOG.log(Level.DEBUG, "one-shot command failed", e);
            return EXIT_COMMAND_FAILED;
        }
    }

    /** A Gogo session that finds our commands first for names without a scope ({@code help} is ours). */
    static CommandSession openSession(CommandProcessor processor, InputStream in, PrintStream out, PrintStream err) {
        CommandSession session = processor.createSession(in, out, err);
        session.put(SCOPE_VARIABLE, ConsoleCommand.SCOPE + ":*");
        return session;
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

    /**
     * Exits the JVM with {@code status}, stopping the framework in a shutdown hook first. The
     * order matters: the first {@code System.exit} fixes the exit status, and stopping the
     * framework before it lets the launcher exit with 0 before we can.
     */
    static void stopFrameworkAndExit(BundleContext context, int status) {
        Framework framework = (Framework) context.getBundle(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
            } catch (BundleException | InterruptedException | RuntimeException e) {
                LOG.log(Level.WARNING, "framework did not stop cleanly", e);
            }
        }, "fenestra-framework-stop"));
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
