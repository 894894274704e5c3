package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.DpValidation;
import org.fenestra.distribution.internal.client.ImageDownload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's services as DS wires them, the real catalog (H2 under target/), three DP processes
 * on loopback, real WIMs written by wimlib-imagex.
 */
class SiteDistributionTest {

    @TempDir
    static Path dir;
    private static final List<DpProcess> DPS = new ArrayList<>();
    private static DistributionPoints points;
    private static ContentDistribution distribution;
    private static ImageCatalog catalog;
    private static String prefix;

    @BeforeAll
    static void startDps() throws Exception {
        points = Services.get(DistributionPoints.class);
        distribution = Services.get(ContentDistribution.class);
        catalog = Services.get(ImageCatalog.class);
        prefix = "T" + Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int i = 1; i <= 3; i++) {
            DpProcess dp = DpProcess.start(dir.resolve("dp" + i));
            DPS.add(dp);
            points.add(name(i), dp.url, dp.fingerprint, dp.secret());
        }
    }

    @AfterAll
    static void stopDps() throws Exception {
        for (DpProcess dp : DPS) {
            dp.close();
        }
    }

    private static String name(int i) {
        return prefix + "-dp" + i;
    }

    @Test
    void registrationChecksTheDpAnswersWithItsCertificateAndSecret() throws Exception {
        DpProcess dp = DPS.get(0);
        assertEquals(dp.fingerprint, points.get(name(1)).fingerprint());
        assertTrue(points.list().stream().anyMatch(p -> p.name().equals(name(2))));
        assertEquals(DistributionException.Reason.DUPLICATE_DP, assertThrows(DistributionException.class,
                () -> points.add(name(1).toLowerCase(), dp.url, dp.fingerprint, dp.secret())).reason());
        assertEquals(DistributionException.Reason.DP_UNREACHABLE, assertThrows(DistributionException.class,
                () -> points.add(prefix + "-wrong-secret", dp.url, dp.fingerprint, Secrets.newSecret())).reason());
        assertEquals(DistributionException.Reason.DP_UNREACHABLE, assertThrows(DistributionException.class,
                () -> points.add(prefix + "-impostor", dp.url, DPS.get(1).fingerprint, dp.secret())).reason(),
                "another DP's certificate");
        assertEquals(DistributionException.Reason.INVALID_ARGUMENT, assertThrows(DistributionException.class,
                () -> points.add("../x", dp.url, dp.fingerprint, dp.secret())).reason());
    }

    @Test
    void distributesToThreeDpsInParallelAndAKilledDpResumesWhereItStopped() throws Exception {
        Path wim = captureWim("big", 128 << 20, 7);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage(wim);
        DpProcess victim = DPS.get(1);
        Path partial = victim.data.resolve("library/partial/" + sha + ".part");
        List<ContentStatus> heard = Collections.synchronizedList(new ArrayList<>());

        ExecutorService site = Executors.newSingleThreadExecutor();
        Future<List<ContentStatus>> run = site.submit(() -> distribution.distribute(image.id(),
                List.of(name(1), name(2), name(3)), heard::add));
        long killedAt = waitForBytes(partial, 24L << 20, run);
        victim.kill9();
        Instant restarted = Instant.now();
        Thread.sleep(1500);
        victim.restart();
        List<ContentStatus> result = run.get();
        site.shutdown();

        for (ContentStatus status : result) {
            assertEquals(State.INSTALLED, status.state(), status.describe());
            assertEquals(1, status.contentVersion());
        }
        assertEquals(result, distribution.status(image.id()).stream().filter(s -> result.stream()
                .anyMatch(r -> r.dpName().equals(s.dpName()))).map(s -> withTime(s, result)).toList());
        int resumedPercent = heard.stream().filter(s -> s.dpName().equals(name(2)) && s.state() == State.IN_PROGRESS
                && s.percent() > 0 && s.updatedAt().isAfter(restarted)).mapToInt(ContentStatus::percent).min().orElse(-1);
        assertTrue(resumedPercent >= killedAt * 100 / Files.size(wim) - 1, "after the restart the push continued at "
                + resumedPercent + "%, not from the start (killed at " + killedAt + " bytes)");
        for (DpProcess dp : DPS) {
            Path stored = dp.data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha);
            assertEquals(sha, TestFiles.sha256sum(stored), "bit-exact on " + dp.data);
        }
        String token = distribution.downloadToken(image.id(), Duration.ofMinutes(10));
        Path fetched = dir.resolve("fetched-big.wim");
        assertEquals(200, TestFiles.status(TestFiles.curl(token, "-o", fetched.toString(), victim.url + "content/" + sha)));
        assertEquals(sha, TestFiles.sha256sum(fetched));
        assertEquals(0, TestFiles.run(List.of("wimlib-imagex", "verify", fetched.toString())).exit());
    }

    @Test
    void aChainOfTwoPullDpsGetsTheContentFromTheDpBeforeIt() throws Exception {
        Path wim = captureWim("pulled", 5 << 20, 11);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage(wim);
        // the same DP processes, registered again as pull-DPs: DP2 pulls from DP1, DP3 from DP2
        points.add(prefix + "-pull2", DPS.get(1).url, DPS.get(1).fingerprint, DPS.get(1).secret(), name(1));
        points.add(prefix + "-pull3", DPS.get(2).url, DPS.get(2).fingerprint, DPS.get(2).secret(), prefix + "-pull2");
        assertEquals(name(1), points.get(prefix + "-pull2").pullFrom());
        assertEquals(DistributionException.Reason.INVALID_ARGUMENT, assertThrows(DistributionException.class,
                () -> points.remove(prefix + "-pull2")).reason(), "a DP others pull from stays");

        List<ContentStatus> result = distribution.distribute(image.id(),
                List.of(prefix + "-pull3", prefix + "-pull2", name(1)), DistributionListener.NONE);

        assertEquals(List.of(prefix + "-pull3", prefix + "-pull2", name(1)), result.stream().map(ContentStatus::dpName).toList());
        result.forEach(s -> assertEquals(State.INSTALLED, s.state(), s.dpName() + ": " + s.describe()));
        for (DpProcess dp : DPS) {
            assertEquals(sha, TestFiles.sha256sum(dp.data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha)));
        }
        String token = distribution.downloadToken(image.id(), Duration.ofMinutes(10));
        Path fetched = dir.resolve("fetched-pulled.wim");
        assertEquals(200, TestFiles.status(TestFiles.curl(token, "-o", fetched.toString(),
                DPS.get(2).url + "content/" + sha)), "a client downloads from the end of the chain");
        assertEquals(sha, TestFiles.sha256sum(fetched));

        points.remove(prefix + "-pull3");
        points.remove(prefix + "-pull2");
    }

    @Test
    void validationNamesTheDamagedFileAndRedistributeRepairsIt() throws Exception {
        Path wim = captureWim("small", 3 << 20, 8);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage(wim);
        distribution.distribute(image.id(), List.of(name(1), name(3)), DistributionListener.NONE)
                .forEach(s -> assertEquals(State.INSTALLED, s.state(), s.describe()));
        Path stored = DPS.get(2).data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha);
        try (RandomAccessFile file = new RandomAccessFile(stored.toFile(), "rw")) {
            file.seek(1_000_000);
            int b = file.read();
            file.seek(1_000_000);
            file.write(b ^ 0x10);
        }

        List<DpValidation> validations = distribution.validate(image.id(), List.of());

        assertEquals(2, validations.size());
        DpValidation bad = validations.stream().filter(v -> v.dpName().equals(name(3))).findFirst().orElseThrow();
        DpValidation good = validations.stream().filter(v -> v.dpName().equals(name(1))).findFirst().orElseThrow();
        assertTrue(good.valid(), good.report());
        assertFalse(bad.valid());
        assertTrue(bad.report().contains("small.wim: expected SHA-256 " + sha + " (" + Files.size(wim) + " bytes)"),
                bad.report());
        ContentStatus failed = status(image, name(3));
        assertEquals(State.FAILED, failed.state());
        assertTrue(failed.reason().contains("small.wim"), failed.reason());

        assertEquals(State.INSTALLED, distribution.redistribute(image.id(), name(3), DistributionListener.NONE).state());
        assertTrue(distribution.validate(image.id(), List.of(name(3))).get(0).valid());
        assertEquals(sha, TestFiles.sha256sum(stored));
        assertEquals(State.INSTALLED, status(image, name(3)).state());

        distribution.remove(image.id(), name(1));
        assertFalse(distribution.status(image.id()).stream().anyMatch(s -> s.dpName().equals(name(1))));
        assertFalse(Files.exists(DPS.get(0).data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha)),
                "the DP removed the content no other package uses");
    }

    @Test
    void fiftyConcurrentClientDownloadsAreAllBitExact() throws Exception {
        Path wim = captureWim("many", 16 << 20, 9);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage(wim);
        distribution.distribute(image.id(), List.of(name(1)), DistributionListener.NONE);
        String token = distribution.downloadToken(image.id(), Duration.ofMinutes(10));
        DpProcess dp = DPS.get(0);

        ExecutorService clients = Executors.newFixedThreadPool(50);
        List<Future<Path>> downloads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Path dest = dir.resolve("client" + i);
            downloads.add(clients.submit(() -> {
                new ImageDownload(dp.url, dp.fingerprint, token, new PrintStream(new ByteArrayOutputStream()))
                        .download(image.id(), dest);
                return dest.resolve("many.wim");
            }));
        }
        for (Future<Path> download : downloads) {
            Path file = download.get();
            assertEquals(sha, TestFiles.sha256(file), file.toString());
            assertFalse(Files.exists(file.resolveSibling(".fenestra-download")), "no work files left");
        }
        clients.shutdown();
    }

    @Test
    void theClientProcessResumesAnInterruptedDownloadAndChecksTheHash() throws Exception {
        Path wim = captureWim("resumed", 96 << 20, 10);
        String sha = TestFiles.sha256sum(wim);
        OsImageRecord image = addImage(wim);
        distribution.distribute(image.id(), List.of(name(3)), DistributionListener.NONE);
        String token = distribution.downloadToken(image.id(), Duration.ofMinutes(10));
        DpProcess dp = DPS.get(2);
        Path dest = dir.resolve("resumed-client");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                DpProcess.classpath(), "org.fenestra.distribution.internal.client.ClientMain", "download", "--dp",
                dp.url.toString(), "--fingerprint", dp.fingerprint, "--image", image.id(), "--dest", dest.toString(),
                "--token", token);

        Process first = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path partial = dest.resolve(".fenestra-download/partial/" + sha + ".part");
        long before = waitForBytes(partial, 16L << 20, null);
        first.destroyForcibly().waitFor();
        assertTrue(Files.size(partial) >= before);

        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, second.waitFor(), output);
        assertTrue(output.contains("resumed.wim: continuing at byte "), output);
        assertTrue(output.contains("SHA-256 verified"), output);
        assertEquals(sha, TestFiles.sha256sum(dest.resolve("resumed.wim")));

        TestFiles.Result refused = TestFiles.run(List.of(command.get(0), "-cp", DpProcess.classpath(),
                "org.fenestra.distribution.internal.client.ClientMain", "download", "--dp", dp.url.toString(),
                "--fingerprint", dp.fingerprint, "--image", image.id(), "--dest", dir.resolve("no").toString(),
                "--token", "FDT1:" + image.id() + ":99999999999:forged"));
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("refused by the DP"), refused.output());
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A WIM of one incompressible file of {@code size} bytes, captured by wimlib-imagex without compression. */
    private static Path captureWim(String name, long size, long seed) throws Exception {
        return TestFiles.capturedWim(dir, name, size, seed);
    }

    private static OsImageRecord addImage(Path wim) throws Exception {
        return catalog.add(new NewOsImage(prefix + " " + wim.getFileName(), "1", "", wim.toString(), wim.toString(), 1,
                "10.0.22621.1", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("tester", Instant.now())));
    }

    private static ContentStatus status(OsImageRecord image, String dpName) throws Exception {
        return distribution.status(image.id()).stream().filter(s -> s.dpName().equals(dpName)).findFirst().orElseThrow();
    }

    private static ContentStatus withTime(ContentStatus fromDatabase, List<ContentStatus> result) {
        ContentStatus same = result.stream().filter(r -> r.dpName().equals(fromDatabase.dpName())).findFirst().orElseThrow();
        return new ContentStatus(fromDatabase.imageId(), fromDatabase.dpName(), fromDatabase.state(),
                fromDatabase.percent(), fromDatabase.contentVersion(), fromDatabase.reason(), same.updatedAt());
    }

    /** Waits until the partial file holds at least {@code bytes}; fails if the transfer ends first. */
    private static long waitForBytes(Path partial, long bytes, Future<?> transfer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(partial)) {
                long size = Files.size(partial);
                if (size >= bytes) {
                    return size;
                }
            }
            assertFalse(transfer != null && transfer.isDone(), "the transfer ended before it could be interrupted");
            Thread.sleep(2);
        }
        throw new AssertionError("no " + bytes + " bytes arrived in " + partial);
    }
}
