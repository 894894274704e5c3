package org.fenestra.servicing.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.TestServices;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.testing.DistributionPointProcess;
import org.fenestra.servicing.api.OfflineServicing;
import org.fenestra.servicing.api.Recurrence;
import org.fenestra.servicing.api.RunStatus;
import org.fenestra.servicing.api.ServicingRequest;
import org.fenestra.servicing.api.ServicingRun;
import org.fenestra.servicing.api.ServicingSchedules;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.wim.model.WimProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servicing with "update distribution points with the image", end to end as DS wires it: the real
 * catalog (H2 under target/), software updates, the pipeline with the portable servicer, this
 * bundle's glue, the site's distribution and a real DP as its own process on loopback.
 */
class UpdateDistributionPointsAfterServicingTest {

    @TempDir
    static Path dir;
    private static DistributionPointProcess dp;
    private static String dpName;
    private static ImageCatalog catalog;
    private static SoftwareUpdates updates;
    private static OfflineServicing servicing;
    private static ContentDistribution distribution;

    @BeforeAll
    static void startDp() throws Exception {
        catalog = service(ImageCatalog.class);
        updates = service(SoftwareUpdates.class);
        servicing = service(OfflineServicing.class);
        distribution = service(ContentDistribution.class);
        dp = DistributionPointProcess.start(dir.resolve("dp"));
        dpName = "SVC-DP-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        service(DistributionPoints.class).add(dpName, dp.url(), dp.fingerprint(), dp.secret());
    }

    @AfterAll
    static void stopDp() throws Exception {
        if (dp != null) {
            dp.close();
        }
    }

    private static <T> T service(Class<T> type) throws Exception {
        return TestServices.get(type, DistributionPointsAfterServicing.class);
    }

    @Test
    void servicingWithTheOptionSendsTheNewVersionToTheDpAsADelta() throws Exception {
        String tag = "delta" + System.nanoTime();
        Path wim = image(tag);
        OsImageRecord image = addImage(wim);
        List<ContentStatus> first = distribution.distribute(image.id(), List.of(dpName), DistributionListener.NONE);
        assertEquals(ContentStatus.State.INSTALLED, first.get(0).state(), first.get(0).describe());
        String before = sha256(wim);
        List<String> ids = published(tag, agent(tag));

        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), ids, false, false, true), WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        assertTrue(run.message().contains("distribution points: 1 updated"), run.message());
        String after = sha256(wim);
        assertFalse(after.equals(before), "servicing changed the image");
        WimTool.verify(wim);
        assertEquals(after, sha256(dp.contentFile(after)), "the DP holds the serviced version");
        ContentStatus status = distribution.status(image.id()).get(0);
        assertEquals(ContentStatus.State.INSTALLED, status.state(), status.describe());
        assertEquals(2, status.contentVersion(), status.describe());
        String log = Files.readString(Path.of(run.logFile()), StandardCharsets.UTF_8);
        Matcher sent = Pattern.compile(Pattern.quote(dpName) + ": Installed \\(version 2\\); ([0-9.]+) MB sent \\(WIM delta; ([0-9.]+)% of")
                .matcher(log);
        assertTrue(sent.find(), log);
        double percent = Double.parseDouble(sent.group(2));
        assertTrue(percent < 25, "a delta of the 32 KB the update added, not the " + Files.size(wim) + "-byte WIM: " + sent.group());
        assertEquals(run.message(), servicing.history(image.id()).get(0).message(), "the outcome is in the image's history");
    }

    @Test
    void anImageOnNoDpIsServicedAndSaysThereWasNothingToUpdate() throws Exception {
        String tag = "nodp" + System.nanoTime();
        OsImageRecord image = addImage(image(tag));

        ServicingRun run = servicing.serviceNow(new ServicingRequest(image.id(), published(tag, agent(tag)), false, false, true),
                WimProgress.NONE);

        assertEquals(RunStatus.SUCCESSFUL, run.status(), run.message());
        assertTrue(run.message().contains("the image is on none"), run.message());
        assertEquals(List.of(), distribution.status(image.id()));
    }

    @Test
    void aScheduleWithTheOptionNoLongerSaysNotAvailable() throws Exception {
        OsImageRecord image = addImage(image("schedule" + System.nanoTime()));
        var schedule = service(ServicingSchedules.class).schedule(image.id(), List.of(), true,
                Recurrence.once(Instant.now().plusSeconds(24 * 3600)), false, false, true);
        assertTrue(schedule.updateDistributionPoints());
        assertFalse(schedule.message().contains("not available"), schedule.message());
        service(ServicingSchedules.class).cancel(image.id());
    }

    /** The test image with 4 MiB of incompressible data, so a whole transfer and a delta differ clearly. */
    private static Path image(String tag) throws Exception {
        Path tree = TestImages.windowsTree(dir.resolve(tag + "/tree"));
        byte[] data = new byte[4 << 20];
        new Random(tag.hashCode()).nextBytes(data);
        Files.write(tree.resolve("Windows/System32/data.bin"), data);
        Files.createDirectories(dir.resolve(tag + "/images"));
        return WimTool.capture(tree, dir.resolve(tag + "/images/install.wim"), "Windows 11 Enterprise");
    }

    private static OsImageRecord addImage(Path wim) throws Exception {
        return catalog.add(new NewOsImage("Windows 11 " + System.nanoTime(), "", "", wim.toString(), wim.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
    }

    private static FenestraPackageFile agent(String tag) {
        return new FenestraPackageFile("FPK-" + tag, "Contoso-Agent-" + tag, "2.1.0.0")
                .add("Program Files/Contoso/agent.exe", "MZ agent".repeat(4000).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the package into its own update source, synchronizes and downloads it; its update ID. */
    private static List<String> published(String tag, FenestraPackageFile pkg) throws Exception {
        Path source = Files.createDirectories(dir.resolve(tag + "/updates"));
        pkg.write(source.resolve(tag + ".fpkg"));
        String name = "src-" + tag;
        updates.addSource(source.toString(), name);
        updates.synchronize(name, WimProgress.NONE);
        List<String> ids = List.of(updates.get(pkg.article()).id());
        updates.download(ids, WimProgress.NONE);
        return ids;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
