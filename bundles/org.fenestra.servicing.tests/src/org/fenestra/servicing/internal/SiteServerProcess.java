package org.fenestra.servicing.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.catalog.testing.DatabaseLogin;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A site server as its own process: a second Equinox in a child JVM, made of the very bundles of
 * this test framework (the ones under test), with Felix SCR and the catalog, updates and servicing
 * bundles started, on the catalog {@code login} (a real PostgreSQL shared with the test and other
 * site servers). Its scheduler runs due schedules as the headless site server does. It is ready
 * once its lease row ({@code servicing_server}) appears; {@link #kill9()} kills it without a chance
 * to tidy up.
 */
final class SiteServerProcess implements AutoCloseable {

    /** Started in the child: the DS runtime and the site server's services; the rest resolve as needed. */
    private static final Set<String> STARTED = Set.of("org.apache.felix.scr", "org.fenestra.logging", "org.fenestra.catalog",
            "org.fenestra.updates", "org.fenestra.servicing", "org.fenestra.servicing.portable",
            // Logback and the ServiceLoader mediator binding SLF4J to it: without them the logging bundle holds
            // every event and the server writes no fenestra.log / servicing.log
            "ch.qos.logback.classic", "org.apache.aries.spifly.dynamic.bundle");

    /** As the headless product starts them: logging first, then SLF4J's binding and DS, then the rest (level 4). */
    private static final Map<String, String> START_LEVELS = Map.of("org.fenestra.logging", "1:", "ch.qos.logback.classic", "2:",
            "org.apache.aries.spifly.dynamic.bundle", "2:", "org.apache.felix.scr", "2:");

    /** Bundle name prefixes a headless site server does without. */
    private static final List<String> HEADLESS_NEEDS_NONE = List.of("org.eclipse.tycho", "org.eclipse.ui", "org.eclipse.e4.ui",
            "org.eclipse.swt", "org.eclipse.jface", "org.eclipse.help", "org.eclipse.team", "org.eclipse.ltk",
            "org.eclipse.compare", "org.eclipse.emf", "org.apache.batik", "org.apache.xmlgraphics", "org.fenestra.ui",
            "org.fenestra.sample", "junit", "org.junit", "org.eclipse.urischeme", "org.eclipse.search");

    final String name;
    final Path home;
    private final Process process;

    private SiteServerProcess(String name, Path home, Process process) {
        this.name = name;
        this.home = home;
        this.process = process;
    }

    /**
     * Starts a site server named {@code name} (the host part of its server ID) with its data folder
     * under {@code home}, and waits until it holds a lease in {@code database}.
     *
     * @param properties more framework properties (lease, servicing drive, content library, fault injection)
     */
    static SiteServerProcess start(String name, Path home, DatabaseLogin login, SiteDatabase database,
            Map<String, String> properties) throws Exception {
        Path configuration = Files.createDirectories(home.resolve("configuration"));
        Map<String, String> config = new TreeMap<>(properties);
        config.put("osgi.bundles", bundles());
        config.put("osgi.bundles.defaultStartLevel", "4");
        config.put("eclipse.ignoreApp", "true");
        config.put("osgi.noShutdown", "true");
        // as the products' Equinox launcher sets it (and the test framework has it): bundles that parse XML
        // reach org.xml.sax and the like through the boot class loader
        config.put("osgi.compatibility.bootdelegation", "true");
        config.put("fenestra.data", home.resolve("data").toString());
        config.put("fenestra.catalog.url", login.url());
        config.put("fenestra.catalog.user", login.user());
        config.put("fenestra.catalog.password", login.password());
        config.put("fenestra.servicing.server", name);
        config.putIfAbsent("fenestra.servicing.pollMillis", "200");
        Properties ini = new Properties();
        ini.putAll(config);
        try (OutputStream out = Files.newOutputStream(configuration.resolve("config.ini"))) {
            ini.store(out, "site server " + name + " for a servicing test");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", location(Bundle.class), "org.eclipse.core.runtime.adaptor.EclipseStarter",
                "-configuration", configuration.toUri().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
        SiteServerProcess server = new SiteServerProcess(name, home, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!server.leased(database)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                fail("site server " + name + " did not start (exit " + (process.isAlive() ? "none" : process.exitValue())
                        + "):\n" + server.console() + server.frameworkLog());
            }
            Thread.sleep(100);
        }
        return server;
    }

    /** Whether this server holds a live lease row. */
    boolean leased(SiteDatabase database) throws Exception {
        return database.inTransaction("lease of " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM servicing_server WHERE host = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1) > 0;
                }
            }
        });
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether the process halted on its own (fault injection: exit 137) within the time; else it is killed. */
    boolean halted(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill9();
            return false;
        }
        return process.exitValue() == 137;
    }

    /** SIGKILL: no shutdown hook, no deactivation, nothing tidied. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String console() {
        try {
            Path log = home.resolve("console.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** What the child wrote: its console, Equinox's log and the tails of its Fenestra logs, for failure messages. */
    String logs() {
        StringBuilder text = new StringBuilder("\n--- site server " + name + " ---\n").append(console()).append(frameworkLog());
        Path folder = home.resolve("data").resolve("logs");
        try (Stream<Path> files = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                String content = Files.readString(log);
                text.append('\n').append(folder.relativize(log)).append(":\n")
                        .append(content.length() > 6000 ? content.substring(content.length() - 6000) : content);
            }
        } catch (IOException e) {
            text.append(e);
        }
        return text.toString();
    }

    /** The child's threads (jcmd Thread.print), for a failure message when it seems stuck. */
    String threads() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return "\n--- threads of " + name + " ---\n" + out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Equinox's own log of the child (bundles that did not resolve, components that failed). */
    String frameworkLog() {
        try (Stream<Path> files = Files.list(home.resolve("configuration"))) {
            StringBuilder text = new StringBuilder();
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                String content = Files.readString(log);
                text.append('\n').append(log.getFileName()).append(":\n")
                        .append(content.length() > 8000 ? content.substring(0, 8000) : content);
            }
            return text.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }

    /**
     * {@code osgi.bundles}: this framework's bundles but the tests' fragments, the test harness and the
     * workbench's families (the site server is headless; fewer bundles, a quicker start).
     */
    private static String bundles() {
        List<String> entries = new ArrayList<>();
        for (Bundle bundle : FrameworkUtil.getBundle(SiteServerProcess.class).getBundleContext().getBundles()) {
            String name = bundle.getSymbolicName();
            if (bundle.getBundleId() == 0 || name == null || name.endsWith(".tests") || HEADLESS_NEEDS_NONE.stream().anyMatch(name::startsWith)) {
                continue;
            }
            entries.add(absoluteLocation(bundle) + (STARTED.contains(name) ? "@" + START_LEVELS.getOrDefault(name, "") + "start" : ""));
        }
        return String.join(",", entries);
    }

    /**
     * The bundle's location for the child's {@code osgi.bundles}: {@code reference:file:} and an
     * absolute path (the test framework's are {@code initial@reference:file:} and relative to its
     * install area).
     */
    private static String absoluteLocation(Bundle bundle) {
        String location = bundle.getLocation();
        location = location.startsWith("initial@") ? location.substring("initial@".length()) : location;
        location = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!location.startsWith("file:")) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not a file: " + bundle.getLocation());
        }
        Path path = Path.of(location.substring("file:".length()));
        if (!path.isAbsolute()) {
            String installArea = FrameworkUtil.getBundle(SiteServerProcess.class).getBundleContext()
                    .getProperty("osgi.install.area");
            path = Path.of(java.net.URI.create(installArea)).resolve(path);
        }
        return "reference:" + path.normalize().toUri();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
