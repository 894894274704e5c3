package org.fenestra.smb.samba;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fenestra.smb.SmbCredentials;

/**
 * A real Samba {@code smbd} on 127.0.0.1 for tests, with everything (config, passdb, locks,
 * logs) under one temporary folder. Two shares: {@code images} (a plain folder) and
 * {@code tiny} (a tmpfs of {@link #TINY_BYTES}, to fill up). One user with a password.
 * Needs root (to add the Unix user and mount tmpfs); tests check {@link #canRun()} first.
 */
public final class SambaServer implements AutoCloseable {
    public static final String SMBD = "/usr/sbin/smbd";
    public static final String USER = "fenestra-smb";
    public static final String PASSWORD = "Fen3stra-Test!";
    public static final long TINY_BYTES = 320 * 1024;

    private final Path root;
    private final Path images;
    private final Path tiny;
    private final int port;
    private final Process smbd;

    private SambaServer(Path root, Path images, Path tiny, int port, Process smbd) {
        this.root = root;
        this.images = images;
        this.tiny = tiny;
        this.port = port;
        this.smbd = smbd;
    }

    /** Why this machine cannot run the server, or null when it can. */
    public static String whyNot() {
        if (!Files.isExecutable(Path.of(SMBD))) {
            return SMBD + " is missing (install the Debian package samba)";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the Samba tests need root (to add a Unix user and mount a tmpfs share); user is "
                    + System.getProperty("user.name");
        }
        return null;
    }

    public static SambaServer start() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("fenestra-samba-");
        for (String dir : List.of("private", "lock", "state", "cache", "pid", "ncalrpc", "binddns", "images", "tiny")) {
            Files.createDirectories(root.resolve(dir));
        }
        Path images = root.resolve("images");
        Path tiny = root.resolve("tiny");
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + TINY_BYTES, "fenestra-tiny", tiny.toString()), null);
        try {
            int port = freePort();
            Path conf = root.resolve("smb.conf");
            Files.writeString(conf, config(root, port));
            addUser(conf);
            // setsid: smbd signals its whole process group when it stops; that must not be the test JVM's.
            Process smbd = new ProcessBuilder("setsid", SMBD, "--foreground", "--no-process-group", "--configfile=" + conf)
                    .redirectErrorStream(true).redirectOutput(root.resolve("smbd.out").toFile()).start();
            SambaServer server = new SambaServer(root, images, tiny, port, smbd);
            server.awaitPort();
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            run(List.of("umount", tiny.toString()), null);
            throw e;
        }
    }

    private static String config(Path root, int port) {
        return """
                [global]
                  server role = standalone server
                  security = user
                  map to guest = never
                  passdb backend = tdbsam:%1$s/private/passdb.tdb
                  private dir = %1$s/private
                  lock directory = %1$s/lock
                  state directory = %1$s/state
                  cache directory = %1$s/cache
                  pid directory = %1$s/pid
                  ncalrpc dir = %1$s/ncalrpc
                  binddns dir = %1$s/binddns
                  log file = %1$s/smbd.log
                  log level = 1
                  smb ports = %2$d
                  interfaces = 127.0.0.1
                  bind interfaces only = yes
                  disable netbios = yes
                  load printers = no
                  printcap name = /dev/null
                  disable spoolss = yes
                  server min protocol = SMB2_02
                [images]
                  path = %1$s/images
                  read only = no
                  valid users = %3$s
                  force user = root
                [tiny]
                  path = %1$s/tiny
                  read only = no
                  valid users = %3$s
                  force user = root
                """.formatted(root, port, USER);
    }

    /** The Unix account Samba maps the SMB user to, and its SMB password in the test passdb. */
    private static void addUser(Path conf) throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", USER).redirectErrorStream(true).start();
        id.getInputStream().readAllBytes();
        if (id.waitFor() != 0) {
            run(List.of("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", USER), null);
        }
        run(List.of("smbpasswd", "-c", conf.toString(), "-a", "-s", USER), PASSWORD + "\n" + PASSWORD + "\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!smbd.isAlive()) {
                throw new IOException("smbd exited with " + smbd.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("smbd did not listen on 127.0.0.1:" + port + " within 30 s: " + log());
    }

    private String log() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("smbd.out", "smbd.log")) {
            Path file = root.resolve(name);
            if (Files.exists(file)) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    private static void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public SmbCredentials credentials() {
        return new SmbCredentials("", USER, PASSWORD);
    }

    /** The {@code images} share's folder on this machine, to check what SMB wrote. */
    public Path imagesFolder() {
        return images;
    }

    /** The {@code tiny} share's folder (a tmpfs of {@link #TINY_BYTES}). */
    public Path tinyFolder() {
        return tiny;
    }

    /** {@code \\127.0.0.1\share\name}. */
    public String unc(String share, String name) {
        return "\\\\" + host() + "\\" + share + "\\" + name;
    }

    /** Empties both shares between tests. */
    public void clearShares() throws IOException {
        for (Path share : List.of(images, tiny)) {
            try (Stream<Path> files = Files.walk(share)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(share)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> children = smbd.descendants().toList();
        smbd.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!smbd.waitFor(10, TimeUnit.SECONDS)) {
            smbd.destroyForcibly().waitFor();
        }
        run(List.of("umount", tiny.toString()), null);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
