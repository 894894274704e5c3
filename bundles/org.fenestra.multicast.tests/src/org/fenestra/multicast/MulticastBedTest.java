package org.fenestra.multicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.fenestra.multicast.testbed.BedProcess;
import org.fenestra.multicast.testbed.NamespaceBed;
import org.fenestra.multicast.testbed.TestCertificates;
import org.fenestra.multicast.testbed.ToolLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real UDP multicast between separate JVMs, each in its own network namespace on one bridge
 * ({@link NamespaceBed}): the sender serves tickets over TLS and sends; receivers get their ticket
 * and receive. Skipped, with the reason, where namespaces cannot be made.
 */
class MulticastBedTest {

    private static final String TOKEN = "deployment-token-1";
    private static final Duration SESSION_LIMIT = Duration.ofMinutes(3);
    private static final int MIB = 1 << 20;

    @TempDir
    static Path directory;
    private static NamespaceBed bed;
    private static ToolLauncher tool;
    private static TestCertificates certificates;
    private static Path image;
    private final List<BedProcess> processes = new ArrayList<>();

    @BeforeAll
    static void bed() throws Exception {
        Assumptions.assumeTrue(NamespaceBed.unavailable().isEmpty(),
                () -> "no multicast test bed: " + NamespaceBed.unavailable().orElse(""));
        bed = NamespaceBed.up(6);
        tool = new ToolLauncher(directory);
        certificates = TestCertificates.make(directory, "dp");
        image = randomFile("image.bin", 20 * MIB, 21);
    }

    @AfterEach
    void stopProcesses() throws IOException {
        processes.forEach(BedProcess::close);
        processes.clear();
        if (bed != null) {
            bed.clear();
        }
    }

    @AfterAll
    static void down() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void fourEncryptedReceiversOneLossyOneSlowAllBitExact() throws Exception {
        bed.loss(2, 2.0);
        bed.slow(3, 100);
        BedProcess sender = sender("sender-4", image, 7100, true, 4);
        List<Path> copies = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            copies.add(directory.resolve("four-r" + k + ".bin"));
            receiver(k, 7100, copies.get(k - 1));
        }
        assertEquals(0, sender.await(SESSION_LIMIT));

        for (int k = 1; k <= 4; k++) {
            assertEquals("VERIFIED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(k), "state"),
                    "receiver " + k);
            assertArrayEquals(sha256(image), sha256(copies.get(k - 1)), "receiver " + k + "'s copy");
        }
        assertTrue(Long.parseLong(sender.field("SENDER", "", "repairs")) > 0,
                "2% loss on one link must have been repaired:\n" + sender.lines());
        System.out.println("[multicast bed] 4 receivers (r2 2% loss, r3 100 Mbit/s): " + sender.lines());
    }

    @Test
    void eavesdropperWithoutTheKeyGetsNothingUsable() throws Exception {
        Path small = randomFile("small.bin", 4 * MIB, 5);
        Set<Long> needles = blockStarts(small);

        Path encryptedCapture = directory.resolve("encrypted.cap");
        eavesdrop(small, 7200, true, encryptedCapture);
        assertTrue(Files.size(encryptedCapture) > small.toFile().length(), "the eavesdropper did hear the session");
        assertEquals(0, found(needles, encryptedCapture), "encrypted session: no block of the image on the wire");

        // the same check on a plain session finds the image's blocks, so the check above can fail
        Path plainCapture = directory.resolve("plain.cap");
        eavesdrop(small, 7300, false, plainCapture);
        assertTrue(found(needles, plainCapture) > needles.size() / 2, "plain session: blocks visible on the wire");
    }

    @Test
    void blocksLargerThanTheMtuTravelAsFragmentsAndSurviveLoss() throws Exception {
        bed.loss(2, 2.0); // per frame: an 8 KB block (6 fragments) is lost about 11% of the time
        BedProcess sender = sender("sender-frag", image, 7700, true, 2, "--block-size", "8192");
        Path clean = directory.resolve("frag-r1.bin");
        Path lossy = directory.resolve("frag-r2.bin");
        receiver(1, 7700, clean);
        receiver(2, 7700, lossy);
        assertEquals(0, sender.await(SESSION_LIMIT));
        assertEquals("VERIFIED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(2), "state"));
        assertArrayEquals(sha256(image), sha256(clean));
        assertArrayEquals(sha256(image), sha256(lossy));
        assertTrue(Long.parseLong(sender.field("SENDER", "", "repairs")) > 0, () -> sender.linesOrProblem().toString());
    }

    @Test
    void lateJoinerGetsTheRestThenWhatItMissed() throws Exception {
        // slow enough (about 7 s) that the joiner's JVM is up well before the end
        BedProcess sender = sender("sender-late", image, 7400, false, 1, "--max-rate", "3");
        Path early = directory.resolve("late-r1.bin");
        Path late = directory.resolve("late-r2.bin");
        receiver(1, 7400, early).awaitLine("RECEIVING", Duration.ofSeconds(60));
        Thread.sleep(500);
        BedProcess joiner = receiver(2, 7400, late);
        assertEquals(0, sender.await(SESSION_LIMIT));
        assertEquals(0, joiner.await(Duration.ofSeconds(30)));

        long joinedAt = Long.parseLong(joiner.field("RESULT", "VERIFIED", "joinedAt"));
        assertTrue(joinedAt > 0, "the joiner came in after the first pass had started: " + joiner.lines());
        assertArrayEquals(sha256(image), sha256(late));
        assertArrayEquals(sha256(image), sha256(early));
        assertEquals("VERIFIED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(2), "state"));
    }

    @Test
    void receiverKilledMidSessionDoesNotStallTheOthers() throws Exception {
        BedProcess sender = sender("sender-kill", image, 7500, true, 3, "--max-rate", "6");
        List<BedProcess> receivers = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            receivers.add(receiver(k, 7500, directory.resolve("kill-r" + k + ".bin")));
        }
        receivers.get(2).awaitLine("RECEIVING", Duration.ofSeconds(60));
        Thread.sleep(500);
        receivers.get(2).kill();
        assertEquals(0, sender.await(SESSION_LIMIT));

        assertEquals("TIMED_OUT", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(3), "state"));
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, receivers.get(k - 1).await(Duration.ofSeconds(30)));
            assertEquals("VERIFIED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(k), "state"));
            assertArrayEquals(sha256(image), sha256(directory.resolve("kill-r" + k + ".bin")));
        }
        assertFalse(Files.exists(directory.resolve("kill-r3.bin")), "a killed receiver has no finished file");
    }

    @Test
    void receiverBelowTheMinimumRateIsDisconnectedAndTheOthersFinish() throws Exception {
        // 0.125 MB/s, half the session's minimum; the other receiver, even on a busy machine, is far above
        bed.slow(2, 1);
        BedProcess sender = sender("sender-slow", image, 7600, true, 2, "--max-rate", "6", "--min-receiver-rate",
                "0.25");
        BedProcess fast = receiver(1, 7600, directory.resolve("slow-r1.bin"));
        BedProcess slow = receiver(2, 7600, directory.resolve("slow-r2.bin"));
        assertEquals(0, sender.await(SESSION_LIMIT));

        assertEquals(1, slow.await(Duration.ofSeconds(30)));
        assertTrue(slow.lines().toString().contains("reason=TOO_SLOW"), slow.lines().toString());
        assertEquals("DISCONNECTED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(2), "state"));
        assertFalse(Files.exists(directory.resolve("slow-r2.bin")), "a disconnected receiver keeps no partial file");
        assertEquals("VERIFIED", sender.field("RECEIVER", "address=" + NamespaceBed.receiverAddress(1), "state"),
                () -> String.join("\n", sender.linesOrProblem()));
        assertEquals(0, fast.await(Duration.ofSeconds(30)), () -> String.join("\n", fast.linesOrProblem()));
        assertArrayEquals(sha256(image), sha256(directory.resolve("slow-r1.bin")));
    }

    /**
     * "Split into streams" (the DP's fraction, 0.5): one receiver's link held by tbf to 1 Mbit/s
     * (0.125 MB/s), a quarter of what the others got on this bed at load 25 (0.5 MB/s: there the
     * bridge itself drops frames and congestion control sits at its 1 MB/s floor); the session is
     * capped at 1 MB/s, so the others need 4 s or more for the image, longer than the 3 s a receiver
     * is heard before it is compared. The slow one is moved out
     * (DISCONNECTED "a slower stream", TOO_SLOW, no partial file), the others finish at their own
     * pace, and the next slower stream (a session of its own once the fast one ended, as the DP runs
     * them) brings every moved receiver the image. On a loaded machine a starved receiver may be
     * moved too, as the DP would: it then takes the slower stream as well, so the test holds however
     * busy the machine is, while the slow link's receiver is moved in any case.
     */
    @Test
    void slowReceiverMovesToASlowerStreamAndTheOthersAreNotHeldToIt() throws Exception {
        // measured at load 25 on 2 cores: the bed's bridge drops frames, the fast receivers fall to
        // 0.3 MB/s and a receiver's JVM goes silent for 5 s, so no receiver is reliably "fast" there
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        Assumptions.assumeTrue(load < 4.0 * cores, () -> "load average " + load + " on " + cores
                + " cores: too busy to tell a slow link from a starved receiver");
        bed.slow(4, 1);
        Path streamImage = randomFile("streams.bin", 4 * MIB, 34);
        BedProcess fastStream = sender("sender-stream-1", streamImage, 7800, true, 4, "--max-rate", "1",
                "--slower-stream-below", "0.5");
        List<BedProcess> receivers = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            receivers.add(receiver(k, 7800, directory.resolve("stream1-r" + k + ".bin")));
        }
        assertEquals(0, fastStream.await(SESSION_LIMIT));
        String fastLines = String.join("\n", fastStream.linesOrProblem());

        List<Integer> moved = new ArrayList<>();
        List<Double> stayedRates = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            String address = "address=" + NamespaceBed.receiverAddress(k);
            String state = fastStream.field("RECEIVER", address, "state");
            if (state.equals("DISCONNECTED")) {
                assertTrue(fastStream.field("RECEIVER", address, "detail").contains("a_slower_stream"), fastLines);
                assertEquals(1, receivers.get(k - 1).await(Duration.ofSeconds(30)));
                assertTrue(receivers.get(k - 1).lines().toString().contains("reason=TOO_SLOW"));
                assertFalse(Files.exists(directory.resolve("stream1-r" + k + ".bin")), "a moved receiver keeps no file");
                moved.add(k);
            } else {
                assertEquals("VERIFIED", state, fastLines);
                assertEquals(0, receivers.get(k - 1).await(Duration.ofSeconds(30)));
                assertArrayEquals(sha256(streamImage), sha256(directory.resolve("stream1-r" + k + ".bin")));
                stayedRates.add(Double.parseDouble(fastStream.field("RECEIVER", address, "mbps")));
            }
        }
        assertTrue(moved.contains(4), "the receiver on the slow link is moved to a slower stream:\n" + fastLines);
        assertFalse(stayedRates.isEmpty(), "the others stay in the fast stream:\n" + fastLines);

        BedProcess slowStream = sender("sender-stream-2", streamImage, 7810, true, moved.size(), "--max-rate", "1");
        List<BedProcess> slower = new ArrayList<>();
        for (int k : moved) {
            slower.add(receiver(k, 7810, directory.resolve("stream2-r" + k + ".bin")));
        }
        assertEquals(0, slowStream.await(SESSION_LIMIT));
        for (int i = 0; i < moved.size(); i++) {
            BedProcess process = slower.get(i);
            assertEquals(0, process.await(Duration.ofSeconds(30)), () -> String.join("\n", process.linesOrProblem()));
            assertArrayEquals(sha256(streamImage), sha256(directory.resolve("stream2-r" + moved.get(i) + ".bin")));
        }
        String slowAddress = "address=" + NamespaceBed.receiverAddress(4);
        assertEquals("VERIFIED", slowStream.field("RECEIVER", slowAddress, "state"));
        double slowRate = Double.parseDouble(slowStream.field("RECEIVER", slowAddress, "mbps"));
        // held to the slow link, as one session for all would be, the others would be at slowRate
        for (double fast : stayedRates) {
            assertTrue(fast > 1.5 * slowRate, "fast receivers " + stayedRates + " MB/s, the slow stream " + slowRate);
        }
        System.out.println("[multicast bed] streams: stayed " + stayedRates + " MB/s, moved " + moved
                + ", the slow link's receiver in the slower stream " + slowRate + " MB/s");
    }

    private void eavesdrop(Path file, int port, boolean encrypt, Path capture) throws Exception {
        BedProcess sender = sender("sender-" + port, file, port, encrypt, 1, "--max-rate", "10");
        BedProcess listener = start("capture-" + port, bed.receiverNs(6), "capture", "--group", group(port),
                "--interface", NamespaceBed.receiverAddress(6), "--out", capture.toString(), "--seconds", "120");
        listener.awaitLine("LISTENING", Duration.ofSeconds(60));
        BedProcess intruder = receiver(5, port, directory.resolve("intruder-" + port + ".bin"), "wrong-token");
        assertEquals(1, intruder.await(Duration.ofSeconds(60)));
        assertTrue(intruder.lines().toString().contains("reason=NOT_ADMITTED"), intruder.lines().toString());
        receiver(1, port, directory.resolve("legit-" + port + ".bin"));
        assertEquals(0, sender.await(SESSION_LIMIT));
        assertEquals(0, listener.await(Duration.ofSeconds(30)));
        assertEquals("1", sender.field("SENDER", "", "refusedTokens"));
    }

    private BedProcess sender(String name, Path file, int port, boolean encrypt, int waitReceivers, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("send", "--file", file.toString(), "--group", group(port),
                "--interface", NamespaceBed.SENDER_ADDRESS, "--tickets", NamespaceBed.SENDER_ADDRESS + ":" + (port + 1),
                "--keystore", certificates.keyStore.toString(), "--storepass", TestCertificates.PASSWORD, "--token",
                TOKEN, "--wait-receivers", "" + waitReceivers, "--wait-seconds", "60"));
        if (encrypt) {
            args.add("--encrypt");
        }
        args.addAll(List.of(extra));
        BedProcess sender = start(name, bed.senderNs(), args.toArray(String[]::new));
        sender.awaitLine("SESSION", Duration.ofSeconds(60));
        return sender;
    }

    private BedProcess receiver(int k, int port, Path destination) throws Exception {
        return receiver(k, port, destination, TOKEN);
    }

    private BedProcess receiver(int k, int port, Path destination, String token) throws Exception {
        return start("receiver-" + k + "-" + port, bed.receiverNs(k), "receive", "--tickets",
                NamespaceBed.SENDER_ADDRESS + ":" + (port + 1), "--truststore", certificates.trustStore.toString(),
                "--storepass", TestCertificates.PASSWORD, "--token", token, "--dest", destination.toString(),
                "--interface", NamespaceBed.receiverAddress(k));
    }

    private BedProcess start(String name, String namespace, String... args) throws IOException {
        BedProcess process = BedProcess.start(name, bed.inside(namespace, tool.command(args)), directory);
        processes.add(process);
        return process;
    }

    private static String group(int port) {
        return "239.77.0.1:" + port;
    }

    private static Path randomFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(directory.resolve(name), bytes);
    }

    /** The first 8 bytes of every 1400-byte block (the default block size): what a DATA packet carries. */
    private static Set<Long> blockStarts(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        Set<Long> starts = new HashSet<>();
        for (int offset = 0; offset + 8 <= bytes.limit(); offset += SessionManifest.DEFAULT_BLOCK_SIZE) {
            starts.add(bytes.getLong(offset));
        }
        return starts;
    }

    /** How many of {@code needles} occur anywhere in {@code capture}. */
    private static int found(Set<Long> needles, Path capture) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(capture));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i + 8 <= bytes.limit(); i++) {
            long value = bytes.getLong(i);
            if (needles.contains(value)) {
                seen.add(value);
            }
        }
        return seen.size();
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(file));
        return digest.digest();
    }
}
