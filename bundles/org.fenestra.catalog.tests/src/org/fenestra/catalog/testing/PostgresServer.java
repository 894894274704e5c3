package org.fenestra.catalog.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for the tests: a new cluster in a temporary folder, from
 * Debian's server binaries, listening on a free loopback port with password logins only.
 * The system's own PostgreSQL service is never used.
 * <p>
 * PostgreSQL refuses to run as root, so under root the cluster belongs to the {@code postgres}
 * system user (or {@code nobody} where that user does not exist) and the binaries run through
 * {@code runuser}.
 * <p>
 * Exported to the other bundles' tests whose tables live in the site database (updates,
 * servicing, distribution), so every table is tested on a real PostgreSQL the same way.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String ADMIN = "fenestra_admin";
    /** The role the catalog logs in as: owner of its database, not a superuser, as on a real site. */
    private static final String CATALOG_USER = "fenestra";

    private final Path binaries;
    private final List<String> runAs;
    private final Path folder;
    private final Path data;
    private final String adminPassword = randomPassword();
    private final String catalogPassword = randomPassword();
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopAtExit = new Thread(this::stopImmediately, "stop test PostgreSQL");
    private int port;

    private PostgresServer(Path binaries, List<String> runAs, Path folder) {
        this.binaries = binaries;
        this.runAs = runAs;
        this.folder = folder;
        this.data = folder.resolve("data");
    }

    /** Creates and starts a cluster; fails the calling test if the binaries are missing or it does not start. */
    public static PostgresServer start() throws Exception {
        Path binaries = findBinaries();
        List<String> runAs = List.of();
        Path folder = Files.createTempDirectory("fenestra-postgres-");
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal owner = serverUser();
            Files.setOwner(folder, owner);
            runAs = List.of("runuser", "-u", owner.getName(), "--");
        }
        PostgresServer server = new PostgresServer(binaries, runAs, folder);
        try {
            server.initialise();
            server.startServer();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A new empty database owned by the catalog role, and the settings to reach it. */
    public DatabaseLogin createDatabase() throws SQLException {
        String name = "catalog_" + databases.incrementAndGet();
        try (Connection admin = connect("postgres", ADMIN, adminPassword);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + CATALOG_USER);
        }
        return new DatabaseLogin(url(name), CATALOG_USER, catalogPassword);
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("stop", binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
            }
        } catch (Exception | AssertionError e) {
            System.getLogger(PostgresServer.class.getName()).log(System.Logger.Level.WARNING,
                    "Stopping the test PostgreSQL server in " + folder + " failed", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // The JVM is already exiting; the hook stops the server.
            }
            deleteQuietly(folder);
        }
    }

    private void initialise() throws Exception {
        Path passwordFile = folder.resolve("admin-password");
        Files.writeString(passwordFile, adminPassword + "\n", StandardCharsets.UTF_8);
        if (!runAs.isEmpty()) {
            Files.setOwner(passwordFile, Files.getOwner(folder));
        }
        run("initdb", binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync");
        Files.delete(passwordFile);
    }

    private void startServer() throws Exception {
        port = freeLoopbackPort();
        // fsync off: the tests never survive a crash of this server, and it makes them faster.
        String options = "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + folder
                + " -c fsync=off -c max_connections=60";
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        run("start", binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start");
        try (Connection admin = connect("postgres", ADMIN, adminPassword);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + CATALOG_USER + " LOGIN PASSWORD '" + catalogPassword + "'");
        }
    }

    private void stopImmediately() {
        try {
            run("stop", binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
        } catch (Exception | AssertionError e) {
            // Best effort while the JVM exits.
        }
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return new org.postgresql.Driver().connect(url(database), login);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs a server binary (as the server user under root) and fails with its output if it fails. */
    private void run(String step, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(runAs);
        line.addAll(List.of(command));
        Path output = Files.createTempFile("fenestra-postgres-" + step + "-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // The server's own settings come from the command line, never from the caller's PG* variables.
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("PostgreSQL " + step + " did not finish within 2 minutes: " + String.join(" ", line));
            }
            if (process.exitValue() != 0) {
                fail("PostgreSQL " + step + " failed (exit " + process.exitValue() + "): " + String.join(" ", line)
                        + "\n" + Files.readString(output) + serverLog());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String serverLog() {
        try {
            Path log = folder.resolve("server.log");
            return Files.exists(log) ? "\nserver.log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The newest installed server version's binaries; fails with how to install them. */
    private static Path findBinaries() throws IOException {
        List<Path> installed = new ArrayList<>();
        if (Files.isDirectory(INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
                versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .forEach(installed::add);
            }
        }
        return installed.stream()
                .max(Comparator.comparingDouble(bin -> versionOf(bin.getParent().getFileName().toString())))
                .orElseGet(() -> fail("The PostgreSQL catalog tests need the PostgreSQL server binaries"
                        + " (/usr/lib/postgresql/*/bin/initdb and pg_ctl), which are not installed."
                        + " Install them with: apt-get install postgresql"));
    }

    private static double versionOf(String folderName) {
        try {
            return Double.parseDouble(folderName);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static UserPrincipal serverUser() throws IOException {
        var users = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        try {
            return users.lookupPrincipalByName("postgres");
        } catch (UserPrincipalNotFoundException e) {
            return users.lookupPrincipalByName("nobody");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.getLogger(PostgresServer.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot delete the test PostgreSQL folder " + folder, e);
        }
    }
}
