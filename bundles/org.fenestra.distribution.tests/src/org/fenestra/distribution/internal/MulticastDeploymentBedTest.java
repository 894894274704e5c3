package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.api.DpMulticastSettings;
import org.fenestra.distribution.api.DpMulticastSettings.SessionStart;
import org.fenestra.distribution.api.DpMulticastSettings.SlowClientPolicy;
import org.fenestra.distribution.api.ImageDistributionSettings;
import org.fenestra.distribution.api.MulticastSession;
import org.fenestra.distribution.api.MulticastSettings;
import org.fenestra.distribution.internal.client.ClientMain;
import org.fenestra.multicast.testbed.BedProcess;
import org.fenestra.multicast.testbed.NamespaceBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multicast deployment end to end on a namespace bed (needs root; skipped with the reason
 * otherwise): a real DP process in the sender's namespace (the site, this JVM, reaches it over a
 * point-to-point link; multicast stays on the bed's bridge), the site's services setting its
 * multicast and the image's distribution settings, and {@code client receive} processes in the
 * receivers' namespaces.
 */
class MulticastDeploymentBedTest {

    private static final long IMAGE_BYTES = 12L << 20;

    @TempDir
    static Path dir;
    private static NamespaceBed bed;
    private static DpProcess dp;
    private static String dpName;
    private static String clientDpUrl;
    private static DistributionPoints points;
    private static ContentDistribution distribution;
    private static MulticastSettings multicast;
    private static ImageCatalog catalog;
    private static final List<String> IMAGES = new ArrayList<>();

    @BeforeAll
    static void upTheBed() throws Exception {
        Optional<String> unavailable = NamespaceBed.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> "no namespace bed: " + unavailable.get());
        points = Services.get(DistributionPoints.class);
        distribution = Services.get(ContentDistribution.class);
        multicast = Services.get(MulticastSettings.class);
        catalog = Services.get(ImageCatalog.class);
        bed = NamespaceBed.up(3);
        String siteSide = bed.linkSenderToHost();
        dp = DpProcess.start(dir.resolve("dp"), bed.inside(bed.senderNs(), List.of()), List.of("--bind", "0.0.0.0",
                "--host", siteSide, "--multicast-interface", NamespaceBed.SENDER_ADDRESS));
        dpName = "mc" + Long.toString(System.nanoTime() % 1_000_000, 36);
        points.add(dpName, dp.url, dp.fingerprint, dp.secret());
        // clients reach the DP on the bed, where its multicast goes too
        clientDpUrl = "https://" + NamespaceBed.SENDER_ADDRESS + ":" + dp.url.getPort() + "/";
    }

    @AfterAll
    static void downTheBed() throws Exception {
        try {
            for (String image : IMAGES) {
                catalog.remove(image);
            }
            if (dpName != null) {
                points.remove(dpName);
            }
        } finally {
            if (dp != null) {
                dp.close();
            }
            if (bed != null) {
                bed.close();
            }
        }
    }

    @Test
    void clientsReceiveTheImageFromTheDpsSessionBitExactAndTheSiteSeesEachResult() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "full", IMAGE_BYTES, 21);
        String image = distributed(wim, new ImageDistributionSettings("", true, true, false));
        multicast.setDpSettings(dpName, settings(true, SlowClientPolicy.NONE));
        String token = distribution.downloadToken(image, Duration.ofHours(1));

        List<BedProcess> clients = new ArrayList<>();
        clients.add(receive(1, image, token, "full-1"));
        Path applied = dir.resolve("applied-2");
        clients.add(receive(2, image, token, "full-2", "--apply", applied.toString()));
        for (int k = 1; k <= 2; k++) {
            BedProcess client = clients.get(k - 1);
            assertEquals(0, client.await(Duration.ofMinutes(4)), client.linesOrProblem().toString());
            assertTrue(client.lines().stream().anyMatch(l -> l.startsWith("Received full.wim by multicast")),
                    client.linesOrProblem().toString());
            assertEquals(TestFiles.sha256(wim), TestFiles.sha256(dir.resolve("full-" + k + "/full.wim")), "bit-exact");
        }
        // the second client applied the verified WIM (--apply): the captured tree, file for file
        Path source = dir.resolve("source-full");
        assertEquals(TestFiles.sha256(source.resolve("data.bin")), TestFiles.sha256(applied.resolve("data.bin")));
        assertEquals(Files.readString(source.resolve("readme.txt")), Files.readString(applied.resolve("readme.txt")));
        assertTrue(clients.get(1).lines().stream().anyMatch(l -> l.startsWith("Applied image 1 to ")),
                clients.get(1).linesOrProblem().toString());
        List<MulticastSession.Receiver> receivers = awaitSettled(image, 2);
        long size = Files.size(wim);
        assertTrue(receivers.stream().allMatch(r -> r.state().equals("VERIFIED") && r.bytes() == size),
                receivers.toString());
        assertTrue(multicast.sessions(dpName).stream().filter(s -> s.imageId().equals(image))
                .allMatch(MulticastSession::encrypted));
    }

    @Test
    void multicastDisabledOrNotAllowedIsRefusedWithTheReason() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "refused", 1 << 20, 22);
        String image = distributed(wim, new ImageDistributionSettings("", false, false, false));
        String token = distribution.downloadToken(image, Duration.ofHours(1));

        multicast.setDpSettings(dpName, settings(false, SlowClientPolicy.NONE));
        BedProcess disabled = receive(1, image, token, "refused-1");
        assertEquals(1, disabled.await(Duration.ofMinutes(1)));
        assertTrue(disabled.lines().stream().anyMatch(l -> l.contains("multicast is disabled on this distribution point")),
                disabled.linesOrProblem().toString());

        multicast.setDpSettings(dpName, settings(true, SlowClientPolicy.NONE));
        BedProcess notAllowed = receive(1, image, token, "refused-2");
        assertEquals(1, notAllowed.await(Duration.ofMinutes(1)));
        assertTrue(notAllowed.lines().stream().anyMatch(l -> l.contains("is not allowed to be sent by multicast")),
                notAllowed.linesOrProblem().toString());
        assertFalse(Files.exists(dir.resolve("refused-2/refused.wim")));
    }

    @Test
    void anImageSentOnlyViaMulticastIsNotDownloadedNorFallsBackAndOthersFallBackToHttps() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "only", IMAGE_BYTES, 23);
        String only = distributed(wim, new ImageDistributionSettings("", true, false, true));
        String onlyToken = distribution.downloadToken(only, Duration.ofHours(1));
        // receiver 3 is held to 8 Mbit/s (1 MB/s), below the DP's minimum of 3 MB/s
        bed.slow(3, 8);
        try {
            multicast.setDpSettings(dpName, settings(true, new SlowClientPolicy(SlowClientPolicy.Kind.DISCONNECT, 3)));
            BedProcess download = BedProcess.start("only-download", bed.inside(bed.receiverNs(1), client("download",
                    only, onlyToken, dir.resolve("only-download"))), dir);
            assertEquals(1, download.await(Duration.ofMinutes(1)));
            assertTrue(download.lines().stream().anyMatch(l -> l.contains("is sent only via multicast")),
                    download.linesOrProblem().toString());

            BedProcess slowOnly = receive(3, only, onlyToken, "only-slow");
            assertEquals(1, slowOnly.await(Duration.ofMinutes(3)));
            assertTrue(slowOnly.lines().stream().anyMatch(l -> l.contains("only via multicast, so it is not downloaded")),
                    slowOnly.linesOrProblem().toString());
            assertFalse(Files.exists(dir.resolve("only-slow/only.wim")));

            Path other = TestFiles.capturedWim(dir, "fallback", IMAGE_BYTES, 24);
            String image = distributed(other, new ImageDistributionSettings("", true, false, false));
            String token = distribution.downloadToken(image, Duration.ofHours(1));
            BedProcess slow = receive(3, image, token, "fallback-slow");
            assertEquals(0, slow.await(Duration.ofMinutes(4)), slow.linesOrProblem().toString());
            assertTrue(slow.lines().stream().anyMatch(l -> l.contains("downloading over HTTPS instead")),
                    slow.linesOrProblem().toString());
            assertEquals(TestFiles.sha256(other), TestFiles.sha256(dir.resolve("fallback-slow/fallback.wim")));
            assertTrue(awaitSettled(image, 1).stream().allMatch(r -> r.state().equals("DISCONNECTED")));
        } finally {
            bed.clear();
        }
    }

    @Test
    void aScheduledCastSessionStartsAtItsClientCountNotBeforeWhenThatComesBeforeItsTime() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "bycount", 4L << 20, 25);
        String image = distributed(wim, new ImageDistributionSettings("", true, true, false));
        // 3 clients or in an hour, whichever first: the count comes first
        multicast.setDpSettings(dpName, scheduled(3, Optional.of(Instant.now().plus(Duration.ofHours(1)))));
        String token = distribution.downloadToken(image, Duration.ofHours(1));

        List<BedProcess> clients = new ArrayList<>();
        clients.add(receive(1, image, token, "bycount-1"));
        clients.add(receive(2, image, token, "bycount-2"));
        awaitSession(image, s -> s.receivers().size() == 2, "two clients admitted");
        Thread.sleep(3000); // long enough for an early start to show: the sender announces every 100 ms
        MulticastSession waiting = awaitSession(image, s -> true, "the session");
        assertEquals("WAITING", waiting.state(), "two of three clients: " + waiting);
        assertTrue(waiting.receivers().stream().allMatch(r -> r.bytes() == 0), waiting.toString());

        clients.add(receive(3, image, token, "bycount-3"));
        for (int k = 1; k <= 3; k++) {
            BedProcess client = clients.get(k - 1);
            assertEquals(0, client.await(Duration.ofMinutes(3)), client.linesOrProblem().toString());
            assertEquals(TestFiles.sha256(wim), TestFiles.sha256(dir.resolve("bycount-" + k + "/bycount.wim")));
        }
        List<MulticastSession.Receiver> receivers = awaitSettled(image, 3);
        assertEquals(3, receivers.size(), "one session of three: " + receivers);
        assertTrue(receivers.stream().allMatch(r -> r.state().equals("VERIFIED")), receivers.toString());
    }

    @Test
    void aScheduledCastSessionStartsAtItsTimeWithFewerClientsThanItsCount() throws Exception {
        Path wim = TestFiles.capturedWim(dir, "bytime", 4L << 20, 26);
        String image = distributed(wim, new ImageDistributionSettings("", true, false, false));
        // far enough ahead for the client's JVM to start and ask on a loaded machine (12 s was not)
        Instant at = Instant.now().plus(Duration.ofSeconds(60));
        multicast.setDpSettings(dpName, scheduled(3, Optional.of(at)));
        String token = distribution.downloadToken(image, Duration.ofHours(1));

        BedProcess client = receive(1, image, token, "bytime-1");
        MulticastSession waiting = awaitSession(image, s -> s.receivers().size() == 1, "one client admitted");
        assertTrue(Instant.now().isBefore(at), "admitted before the time came");
        assertEquals("WAITING", waiting.state(), waiting.toString());
        MulticastSession started = awaitSession(image, s -> !s.state().equals("WAITING"), "the session started");
        Instant seen = Instant.now();
        assertFalse(seen.isBefore(at), "started at " + seen + ", before its time " + at);
        assertEquals(1, started.receivers().size(), "it started with one client of three: " + started);
        assertEquals(0, client.await(Duration.ofMinutes(3)), client.linesOrProblem().toString());
        assertTrue(client.lines().stream().anyMatch(l -> l.contains("starting within")), client.lines().toString());
        assertEquals(TestFiles.sha256(wim), TestFiles.sha256(dir.resolve("bytime-1/bytime.wim")), "bit-exact");
        assertTrue(awaitSettled(image, 1).stream().allMatch(r -> r.state().equals("VERIFIED")));
    }

    private static DpMulticastSettings scheduled(int clients, Optional<Instant> at) {
        return new DpMulticastSettings(true, "239.192.7.1", "239.192.7.9", 51000, 51010, 10, 200,
                SessionStart.SCHEDULED_CAST, clients, at, SlowClientPolicy.NONE);
    }

    /** The image's session on the DP once {@code condition} holds for it (polled as the site reads it). */
    private static MulticastSession awaitSession(String image, java.util.function.Predicate<MulticastSession> condition,
            String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MulticastSession> session = multicast.sessions(dpName).stream()
                    .filter(s -> s.imageId().equals(image)).findFirst();
            if (session.isPresent() && condition.test(session.get())) {
                return session.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + ": not seen; the DP's sessions: " + multicast.sessions(dpName));
    }

    /** Adds the image with these distribution settings, distributes it to the DP and returns its ID. */
    private static String distributed(Path wim, ImageDistributionSettings settings) throws Exception {
        OsImageRecord image = catalog.add(new NewOsImage(dpName + " " + wim.getFileName(), "1", "", wim.toString(),
                wim.toString(), 1, "10.0.22621.1", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("tester", Instant.now())));
        IMAGES.add(image.id());
        multicast.setImageSettings(new ImageDistributionSettings(image.id(), settings.allowMulticast(),
                settings.encryptMulticast(), settings.onlyMulticast()));
        ContentStatus status = distribution.distribute(image.id(), List.of(dpName), s -> { }).get(0);
        assertEquals(ContentStatus.State.INSTALLED, status.state(), status.describe());
        return image.id();
    }

    private static DpMulticastSettings settings(boolean enabled, SlowClientPolicy slow) {
        return new DpMulticastSettings(enabled, "239.192.7.1", "239.192.7.9", 51000, 51010, 10, 200,
                SessionStart.AUTO_CAST, 0, Optional.empty(), slow);
    }

    private static BedProcess receive(int k, String image, String token, String dest, String... more) throws Exception {
        List<String> command = new ArrayList<>(client("receive", image, token, dir.resolve(dest)));
        command.addAll(List.of(more));
        return BedProcess.start("client-" + dest, bed.inside(bed.receiverNs(k), command), dir);
    }

    private static List<String> client(String verb, String image, String token, Path dest) throws Exception {
        return List.of(DpProcess.java(), "-Xmx256m", "-cp", DpProcess.classpath(), ClientMain.class.getName(), verb,
                "--dp", clientDpUrl, "--fingerprint", dp.fingerprint, "--image", image, "--dest", dest.toString(),
                "--token", token);
    }

    /** The receivers of the image's sessions once {@code count} of them settled (the DP reports when its session ends). */
    private static List<MulticastSession.Receiver> awaitSettled(String image, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MulticastSession.Receiver> receivers = List.of();
        while (System.nanoTime() < deadline) {
            List<MulticastSession> sessions = multicast.sessions(dpName).stream()
                    .filter(s -> s.imageId().equals(image)).toList();
            receivers = sessions.stream().flatMap(s -> s.receivers().stream()).toList();
            if (receivers.size() >= count && sessions.stream().allMatch(s -> s.state().equals("ENDED"))) {
                return receivers;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the DP's sessions of " + image + " did not end with " + count + " receivers: "
                + multicast.sessions(dpName));
    }
}
