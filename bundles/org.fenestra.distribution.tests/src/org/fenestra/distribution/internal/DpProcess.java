package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fenestra.distribution.internal.dp.DpMain;
import org.fenestra.distribution.internal.http.DpClient;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * A real DP: {@code java -cp … DpMain --port P --data DIR} as its own process on loopback, the
 * classpath made of the very bundles under test (the DP is plain Java, as {@code ./fenestra dp}
 * runs it). Other bundles' tests reach it through {@link org.fenestra.distribution.testing.DistributionPointProcess}.
 */
public final class DpProcess implements AutoCloseable {

    private static final List<String> DP_BUNDLES = List.of("org.fenestra.distribution", "org.fenestra.content",
            "org.fenestra.multicast", "org.eclipse.jetty.server", "org.eclipse.jetty.http", "org.eclipse.jetty.io", "org.eclipse.jetty.util",
            "slf4j.api",
            // the client's --apply: the WIM engine
            "org.fenestra.wim", "org.fenestra.compress", "org.fenestra.registry");

    final Path data;
    /** What the command line starts with (e.g. {@code ip netns exec NS}) and the DP options after --data. */
    private final List<String> prefix;
    private final List<String> options;
    private Process process;
    private int port;
    URI url;
    String fingerprint;

    public URI url() {
        return url;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Path data() {
        return data;
    }
    final List<String> output = new ArrayList<>();

    private DpProcess(Path data, List<String> prefix, List<String> options) {
        this.data = data;
        this.prefix = prefix;
        this.options = options;
    }

    public static DpProcess start(Path data) throws Exception {
        return start(data, List.of(), List.of("--bind", "127.0.0.1"));
    }

    /** A DP whose command line starts with {@code prefix} (a network namespace) and has {@code options}. */
    static DpProcess start(Path data, List<String> prefix, List<String> options) throws Exception {
        DpProcess dp = new DpProcess(data, prefix, options);
        dp.launch(0);
        return dp;
    }

    /** Starts it again on the same port and data, as an admin restarts a DP. */
    void restart() throws Exception {
        launch(port);
    }

    private void launch(int onPort) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java(), "-Xmx256m", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=WARN", "-cp", classpath(), DpMain.class.getName(), "--port",
                Integer.toString(onPort), "--data", data.toString()));
        command.addAll(options);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = lines.readLine()) != null) {
            synchronized (output) {
                output.add(line);
            }
            if (line.startsWith("URL: ")) {
                url = URI.create(line.substring(5));
                port = url.getPort();
            } else if (line.startsWith("Certificate SHA-256: ")) {
                fingerprint = line.substring(21);
                break;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        assertTrue(url != null && fingerprint != null, "the DP did not start: " + output);
        Thread drain = new Thread(() -> {
            try {
                String more;
                while ((more = lines.readLine()) != null) {
                    synchronized (output) {
                        output.add(more);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "dp-output");
        drain.setDaemon(true);
        drain.start();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String secret() throws IOException {
        return Files.readString(data.resolve("identity/site.secret")).strip();
    }

    DpClient siteClient() throws IOException {
        return new DpClient(url, fingerprint, secret());
    }

    /** SIGKILL: the DP gets no chance to tidy up. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static String classpath() throws IOException {
        Bundle[] bundles = FrameworkUtil.getBundle(DpProcess.class).getBundleContext().getBundles();
        List<String> entries = new ArrayList<>();
        for (String name : DP_BUNDLES) {
            Bundle found = null;
            for (Bundle bundle : bundles) {
                if (bundle.getSymbolicName().equals(name)) {
                    found = bundle;
                }
            }
            assertTrue(found != null, "bundle " + name + " is not in the test runtime");
            entries.add(classpathEntry(found));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A bundle's jar, or for a bundle built in this reactor its classes folder. */
    private static String classpathEntry(Bundle bundle) throws IOException {
        String location = bundle.getLocation();
        location = location.substring(location.indexOf("file:") + "file:".length());
        Path path = Path.of(location);
        if (!path.isAbsolute()) {
            // relative to the framework's install area (Tycho's test runtime writes it so)
            String area = System.getProperty("osgi.install.area", "file:" + System.getProperty("user.dir"));
            path = Path.of(java.net.URI.create(area.startsWith("file:/") ? area : "file:" + Path.of(area.substring(5)).toAbsolutePath()))
                    .resolve(location).normalize();
        }
        if (Files.isDirectory(path) && Files.isDirectory(path.resolve("target/classes"))) {
            path = path.resolve("target/classes");
        }
        if (!Files.exists(path)) {
            throw new IOException("bundle " + bundle.getSymbolicName() + " has no files at " + path);
        }
        return path.toString();
    }
}
