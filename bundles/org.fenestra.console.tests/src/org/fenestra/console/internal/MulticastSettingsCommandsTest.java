package org.fenestra.console.internal;

import static org.fenestra.console.internal.ConsoleSessions.await;
import static org.fenestra.console.internal.ConsoleSessions.execute;
import static org.fenestra.console.internal.ConsoleSessions.startedConsoleBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.testing.TestDistributionPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * The multicast settings commands against the real services and catalog (H2 under target/), with
 * the rules between them: "only via multicast" against deployments that do not download locally,
 * and a DP's settings checked before they are stored.
 */
class MulticastSettingsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void onlyViaMulticastIsRefusedWhileADeploymentRunsContentFromTheDp() throws Exception {
        BundleContext context = startedConsoleBundle();
        ImageCatalog catalog = await(context, ImageCatalog.class);
        OsImageRecord streamed = addImage(catalog, "Streamed");
        OsImageRecord local = addImage(catalog, "Local");
        try {
            String id = streamed.id();
            String shown = execute(context, "fenestra:image-distribution-settings " + id);
            assertTrue(shown.contains("Allow multicast:     off") && shown.contains("Only via multicast:  off")
                    && shown.contains("Deployments:         none"), shown);

            DistributionException notAllowed = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:image-distribution-settings " + id + " --only-multicast on"));
            assertEquals(Reason.MULTICAST_RULE, notAllowed.reason());
            assertTrue(notAllowed.getMessage().contains("--allow-multicast on"), notAllowed.getMessage());

            String added = execute(context, "fenestra:deployment-add " + id + " --clients LAB01 LAB02");
            assertTrue(added.matches("Added deployment DEP\\d{5} of " + id + " to LAB01, LAB02 \\(runs content from the DP\\)"),
                    added);
            String deployment = added.split(" ")[2];
            DistributionException streaming = assertThrows(DistributionException.class, () -> execute(context,
                    "fenestra:image-distribution-settings " + id + " --allow-multicast on --encrypt on --only-multicast on"));
            assertEquals(Reason.MULTICAST_RULE, streaming.reason());
            assertTrue(streaming.getMessage().contains(deployment) && streaming.getMessage().contains("locally"),
                    streaming.getMessage());
            // the refused change stored nothing, not even the allowed parts
            assertTrue(execute(context, "fenestra:image-distribution-settings " + id).contains("Allow multicast:     off"));

            String set = execute(context, "fenestra:image-distribution-settings " + id + " --allow-multicast on --encrypt on");
            assertTrue(set.contains("Allow multicast:     on") && set.contains("Encrypt multicast:   on")
                    && set.contains(deployment + " (runs from the DP)"), set);

            String other = local.id();
            execute(context, "fenestra:deployment-add " + other + " --clients LAB03 --download-locally");
            String only = execute(context, "fenestra:image-distribution-settings " + other
                    + " --allow-multicast on --only-multicast on");
            assertTrue(only.contains("Only via multicast:  on") && only.contains("(downloads locally)"), only);
            DistributionException refusedDeployment = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:deployment-add " + other + " --clients LAB04"));
            assertEquals(Reason.MULTICAST_RULE, refusedDeployment.reason());
            assertTrue(refusedDeployment.getMessage().contains("--download-locally"), refusedDeployment.getMessage());
            DistributionException allowOff = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:image-distribution-settings " + other + " --allow-multicast off"));
            assertEquals(Reason.MULTICAST_RULE, allowOff.reason());

            DistributionException unknown = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:image-distribution-settings FEN99999"));
            assertEquals(Reason.NO_SUCH_IMAGE, unknown.reason());
        } finally {
            catalog.remove(streamed.id());
            catalog.remove(local.id());
        }
    }

    @Test
    void deploymentsAreListedAndRemovedAndRemovingTheLastStreamingOneUnblocksOnlyViaMulticast() throws Exception {
        BundleContext context = startedConsoleBundle();
        ImageCatalog catalog = await(context, ImageCatalog.class);
        OsImageRecord image = addImage(catalog, "Listed");
        OsImageRecord other = addImage(catalog, "Other");
        try {
            String id = image.id();
            assertEquals("No deployments of " + id, execute(context, "fenestra:deployment-list --image " + id));
            String streaming = execute(context, "fenestra:deployment-add " + id + " --clients LAB01 LAB02").split(" ")[2];
            String local = execute(context, "fenestra:deployment-add " + id + " --clients LAB03 --download-locally")
                    .split(" ")[2];
            String elsewhere = execute(context, "fenestra:deployment-add " + other.id() + " --clients LAB09").split(" ")[2];

            List<String> listed = execute(context, "fenestra:deployment-list --image " + id).lines().toList();
            assertEquals(3, listed.size(), String.join("\n", listed));
            assertTrue(listed.get(0).matches("DEPLOYMENT +IMAGE +CLIENTS +CONTENT +CREATED"), listed.get(0));
            assertTrue(listed.get(1).matches(streaming + " +" + id + " +LAB01, LAB02 +runs from the DP +\\d{4}-.*"),
                    listed.get(1));
            assertTrue(listed.get(2).matches(local + " +" + id + " +LAB03 +downloads locally +\\d{4}-.*"),
                    listed.get(2));
            String all = execute(context, "fenestra:deployment-list");
            assertTrue(all.contains(streaming) && all.contains(local) && all.contains(elsewhere), all);

            // the streaming deployment blocks "only via multicast" until it is removed
            assertEquals(Reason.MULTICAST_RULE, assertThrows(DistributionException.class, () -> execute(context,
                    "fenestra:image-distribution-settings " + id + " --allow-multicast on --only-multicast on")).reason());
            String removed = execute(context, "fenestra:deployment-remove " + streaming.toLowerCase());
            assertTrue(removed.startsWith("Removed deployment " + streaming + " of " + id
                    + " to LAB01, LAB02 (runs from the DP)") && removed.contains("may be sent only via multicast"), removed);
            String only = execute(context, "fenestra:image-distribution-settings " + id
                    + " --allow-multicast on --only-multicast on");
            assertTrue(only.contains("Only via multicast:  on") && only.contains(local + " (downloads locally)")
                    && !only.contains(streaming), only);
            // removing a deployment that downloads locally keeps the image's settings as they are
            String removedLocal = execute(context, "fenestra:deployment-remove " + local);
            assertFalse(removedLocal.contains("may be sent"), removedLocal);
            assertTrue(execute(context, "fenestra:image-distribution-settings " + id).contains("Deployments:         none"));
            assertTrue(execute(context, "fenestra:deployment-list").contains(elsewhere), "other images' deployments stay");

            DistributionException unknown = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:deployment-remove " + streaming));
            assertEquals(Reason.NO_SUCH_DEPLOYMENT, unknown.reason());
            assertTrue(unknown.getMessage().contains(streaming), unknown.getMessage());
            assertEquals(Reason.NO_SUCH_IMAGE, assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:deployment-list --image FEN99999")).reason());
        } finally {
            catalog.remove(image.id());
            catalog.remove(other.id());
        }
    }

    @Test
    void dpMulticastSettingsAreCheckedStoredAndShown() throws Exception {
        BundleContext context = startedConsoleBundle();
        String name = "mc-dp-" + Long.toString(System.nanoTime() % 100_000, 36);
        try (TestDistributionPoint dp = TestDistributionPoint.start(dir.resolve("dp"))) {
            execute(context, "fenestra:dp-add " + name + " " + dp.url() + " --fingerprint " + dp.fingerprint()
                    + " --secret-file " + dp.siteSecretFile());
            String defaults = execute(context, "fenestra:dp-multicast " + name);
            assertTrue(defaults.startsWith(name + " multicast: disabled") && defaults.contains("auto-cast"), defaults);

            String set = execute(context, "fenestra:dp-multicast " + name + " --enable --addresses 239.1.2.1-239.1.2.9"
                    + " --ports 40000-40010 --max-clients 8 --max-rate 50 --scheduled-clients 4"
                    + " --scheduled-time 2026-12-24T08:00Z --slow-clients disconnect:5");
            assertEquals(String.join(System.lineSeparator(), name + " multicast: enabled",
                    "  Addresses:      239.1.2.1-239.1.2.9",
                    "  UDP ports:      40000-40010",
                    "  Max clients:    8",
                    "  Max rate:       50 MB/s",
                    "  Session start:  scheduled-cast at 4 clients or 2026-12-24T08:00:00Z, whichever comes first",
                    "  Slow clients:   disconnect below 5 MB/s (they download over HTTPS)"), set);
            assertEquals(set, execute(context, "fenestra:dp-multicast " + name.toUpperCase()).replace(
                    name.toUpperCase(), name), "stored as set (DP names ignore case)");

            String streams = execute(context, "fenestra:dp-multicast " + name + " --autocast --slow-clients streams:3");
            assertTrue(streams.contains("auto-cast") && streams.contains("up to 3 streams")
                    && streams.contains("239.1.2.1-239.1.2.9"), streams);

            DistributionException outside = assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:dp-multicast " + name + " --addresses 224.0.1.1-224.0.1.9"));
            assertEquals(Reason.INVALID_ARGUMENT, outside.reason());
            assertTrue(outside.getMessage().contains("239.0.0.0/8"), outside.getMessage());
            assertTrue(assertThrows(DistributionException.class, () -> execute(context,
                    "fenestra:dp-multicast " + name + " --slow-clients streams:4")).getMessage().contains("2 or 3"));
            assertTrue(assertThrows(DistributionException.class, () -> execute(context,
                    "fenestra:dp-multicast " + name + " --ports 64000-63000")).getMessage().contains("1024-65535"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> execute(context,
                    "fenestra:dp-multicast " + name + " --slow-clients sometimes")).getMessage().contains("streams:N"));
            assertTrue(execute(context, "fenestra:dp-multicast " + name).contains("up to 3 streams"),
                    "a refused change stores nothing");
            assertEquals(Reason.NO_SUCH_DP, assertThrows(DistributionException.class,
                    () -> execute(context, "fenestra:dp-multicast no-such-dp")).reason());
        } finally {
            execute(context, "fenestra:dp-remove " + name);
        }
    }

    private OsImageRecord addImage(ImageCatalog catalog, String name) throws Exception {
        Path wim = Files.copy(Path.of("data", "multi.wim"), dir.resolve(name + ".wim"));
        return catalog.add(new NewOsImage("Multicast " + name + " " + System.nanoTime(), "1", "", wim.toString(),
                wim.toString(), 1, "10.0.22631.4460", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
    }
}
