package org.fenestra.multicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.fenestra.multicast.testbed.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS key exchange on loopback with keytool-made certificates. */
class TlsKeyExchangeTest {

    @TempDir
    static Path directory;
    private static TestCertificates dp;
    private static TestCertificates stranger;

    @BeforeAll
    static void certificates() throws Exception {
        dp = TestCertificates.make(directory, "dp");
        stranger = TestCertificates.make(directory, "stranger");
    }

    @Test
    void acceptedTokenGetsTheTicketWithKeyAndManifest() throws Exception {
        Path file = Files.write(directory.resolve("image.bin"), new byte[100_000]);
        SessionManifest manifest = SessionManifest.compute(file, 1400, 16, () -> false);
        SessionKey key = SessionKey.generate();
        AtomicInteger ids = new AtomicInteger(1);
        try (TicketServer server = TlsKeyExchange.serve(dp.serverContext(), loopback(), "t0ken"::equals,
                () -> new SessionTicket(99, new InetSocketAddress("239.1.1.1", 7000), ids.getAndIncrement(), manifest,
                        Optional.of(key)))) {
            SessionKeyExchange exchange = TlsKeyExchange.client(dp.clientContext(), server.address());
            SessionTicket first = exchange.admit("t0ken");
            SessionTicket second = exchange.admit("t0ken");

            assertEquals(99, first.sessionId());
            assertEquals(key, first.key().orElseThrow());
            assertEquals(manifest.chunkCount(), first.manifest().chunkCount());
            assertArrayEquals(manifest.fileHash(), first.manifest().fileHash());
            for (int i = 0; i < manifest.chunkCount(); i++) {
                assertArrayEquals(manifest.chunkHashes().get(i), first.manifest().chunkHashes().get(i));
            }
            assertNotEquals(first.receiverId(), second.receiverId(), "each receiver gets its own id (nonce space)");
        }
    }

    @Test
    void wrongTokenOrUntrustedServerGetsNoTicket() throws Exception {
        Path file = Files.write(directory.resolve("small.bin"), new byte[10]);
        SessionManifest manifest = SessionManifest.compute(file, 1400, 16, () -> false);
        List<SessionTicket> issued = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TicketServer server = TlsKeyExchange.serve(dp.serverContext(), loopback(), "t0ken"::equals, () -> {
            SessionTicket ticket = new SessionTicket(1, new InetSocketAddress("239.1.1.1", 7000), 1, manifest,
                    Optional.of(SessionKey.generate()));
            issued.add(ticket);
            return ticket;
        })) {
            MulticastException refused = assertThrows(MulticastException.class,
                    () -> TlsKeyExchange.client(dp.clientContext(), server.address()).admit("guess"));
            assertEquals(MulticastException.Reason.NOT_ADMITTED, refused.reason());
            assertTrue(refused.getMessage().contains("token not accepted"), refused.getMessage());
            assertEquals(1, server.refused());

            SSLContext trustsSomeoneElse = stranger.clientContext();
            MulticastException untrusted = assertThrows(MulticastException.class,
                    () -> TlsKeyExchange.client(trustsSomeoneElse, server.address()).admit("t0ken"));
            assertEquals(MulticastException.Reason.NOT_ADMITTED, untrusted.reason());
            assertTrue(issued.isEmpty(), "no ticket (and no key) may leave without a good token over trusted TLS");
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
