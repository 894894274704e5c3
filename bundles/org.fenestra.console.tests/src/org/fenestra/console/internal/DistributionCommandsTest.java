package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.testing.TestDistributionPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The distribution commands against the real services, the real catalog (H2 under target/) and a
 * real DP (HTTPS on loopback, in this JVM; the distribution bundle's own tests run DPs as processes).
 */
class DistributionCommandsTest {

    @TempDir
    Path dir;

    @Test
    void registersADpDistributesValidatesRepairsAndRemoves() throws Exception {
        BundleContext context = startedConsoleBundle();
        ImageCatalog catalog = await(context, ImageCatalog.class);
        Path wim = Files.copy(Path.of("data", "multi.wim"), dir.resolve("multi.wim"));
        OsImageRecord image = catalog.add(new NewOsImage("Distribution Test " + System.nanoTime(), "1", "",
                wim.toString(), wim.toString(), 1, "10.0.22631.4460", "Enterprise", Architecture.X64, "en-US",
                Files.size(wim), new EulaAcceptance("admin", Instant.now())));
        String name = "console-dp-" + Long.toString(System.nanoTime() % 100_000, 36);
        try (TestDistributionPoint dp = TestDistributionPoint.start(dir.resolve("dp"))) {
            String added = execute(context, "fenestra:dp-add " + name + " " + dp.url() + " --fingerprint "
                    + dp.fingerprint() + " --secret-file " + dp.siteSecretFile());
            assertTrue(added.startsWith("Added distribution point " + name), added);
            String list = execute(context, "fenestra:dp-list");
            assertTrue(list.lines().anyMatch(l -> l.startsWith(name + " ") && l.contains(dp.url())), list);

            assertEquals(image.id() + " has not been distributed (fenestra:distribute sends it)",
                    execute(context, "fenestra:content-status " + image.id()));
            String distributed = execute(context, "fenestra:distribute " + image.id() + " --dp " + name);
            assertTrue(distributed.lines().anyMatch(l -> l.startsWith(name) && l.contains("Installed (version 1)")),
                    distributed);
            String status = execute(context, "fenestra:content-status " + image.id());
            assertTrue(status.lines().anyMatch(l -> l.startsWith(name) && l.contains("Installed (version 1)")), status);
            assertTrue(execute(context, "fenestra:validate " + image.id()).contains(name + ": valid"));
            String token = execute(context, "fenestra:content-token " + image.id() + " --hours 1");
            assertTrue(token.startsWith("FDT1:" + image.id() + ":"), token);

            damage(dir.resolve("dp/library/content"));
            CommandFailedException invalid = assertThrows(CommandFailedException.class,
                    () -> execute(context, "fenestra:validate " + image.id() + " --dp " + name));
            assertTrue(invalid.getMessage().contains(name + ": INVALID")
                    && invalid.getMessage().contains("multi.wim: expected SHA-256"), invalid.getMessage());
            assertTrue(execute(context, "fenestra:content-status " + image.id()).contains("Failed: validation"));
            assertTrue(execute(context, "fenestra:redistribute " + image.id() + " --dp " + name)
                    .contains("Installed (version 1)"));
            assertTrue(execute(context, "fenestra:validate " + image.id()).contains(name + ": valid"));

            DistributionException unknown = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:distribute " + image.id() + " --dp no-such-dp"));
            assertEquals(DistributionException.Reason.NO_SUCH_DP, unknown.reason());
            IllegalArgumentException usage = assertThrows(IllegalArgumentException.class,
                    () -> execute(context, "fenestra:distribute " + image.id()));
            assertTrue(usage.getMessage().contains("--dp") && usage.getMessage().contains("--all"), usage.getMessage());

            assertEquals("Removed " + image.id() + " from " + name,
                    execute(context, "fenestra:content-remove " + image.id() + " --dp " + name));
            assertEquals("Removed distribution point " + name, execute(context, "fenestra:dp-remove " + name));
            assertTrue(execute(context, "fenestra:dp-list").lines().noneMatch(l -> l.startsWith(name + " ")));
        } finally {
            catalog.remove(image.id());
        }
    }

    /** Flips one byte of the one content file below {@code content}. */
    private static void damage(Path content) throws Exception {
        Path file;
        try (var files = Files.walk(content)) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100);
            int b = raf.read();
            raf.seek(100);
            raf.write(b ^ 1);
        }
    }
}
