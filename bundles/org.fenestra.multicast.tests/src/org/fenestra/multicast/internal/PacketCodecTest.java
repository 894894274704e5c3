package org.fenestra.multicast.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.fenestra.multicast.SessionKey;
import org.fenestra.multicast.internal.PacketCodec.Verdict;
import org.junit.jupiter.api.Test;

/** Sealed packets open only unchanged, under the same key and session; counters are accepted once. */
class PacketCodecTest {

    private static final long SESSION = 0x1234_5678_9abcL;
    private final SessionKey key = SessionKey.generate();

    @Test
    void sealedPacketOpensToTheSameBodyAndHidesIt() {
        byte[] secret = "the image's bytes, repeated: the image's bytes".getBytes(StandardCharsets.UTF_8);
        ByteBuffer packet = seal(new PacketCodec(SESSION, key), 7, 42, secret);

        assertFalse(contains(packet, secret), "the body must not travel in clear");
        ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        assertEquals(Verdict.OK, new PacketCodec(SESSION, key).open(packet, body));
        assertArrayEquals(secret, remaining(body));
        assertEquals(PacketType.DATA, PacketCodec.type(packet));
        assertEquals(7, PacketCodec.origin(packet));
        assertEquals(42, PacketCodec.counter(packet));
    }

    @Test
    void everyChangedByteIsUnauthenticated() {
        ByteBuffer packet = seal(new PacketCodec(SESSION, key), 0, 1, new byte[100]);
        PacketCodec receiver = new PacketCodec(SESSION, key);
        ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        // the header's type, flags, origin and counter are authenticated too (magic and session
        // id are checked first and make a packet foreign)
        for (int i = 4; i < packet.limit(); i++) {
            if (i >= 8 && i < 16) {
                continue;
            }
            ByteBuffer tampered = copy(packet);
            tampered.put(i, (byte) (tampered.get(i) ^ 0x01));
            Verdict verdict = receiver.open(tampered, body);
            assertTrue(verdict != Verdict.OK, "byte " + i + " changed but the packet still opened");
        }
    }

    @Test
    void otherKeyOtherSessionAndGarbageAreDropped() {
        ByteBuffer packet = seal(new PacketCodec(SESSION, key), 0, 1, new byte[100]);
        ByteBuffer body = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        assertEquals(Verdict.UNAUTHENTICATED, new PacketCodec(SESSION, SessionKey.generate()).open(copy(packet), body));
        assertEquals(Verdict.FOREIGN, new PacketCodec(SESSION + 1, key).open(copy(packet), body));
        assertEquals(Verdict.FOREIGN, new PacketCodec(SESSION, key).open(ByteBuffer.wrap(new byte[20]), body));
        assertEquals(Verdict.UNAUTHENTICATED, new PacketCodec(SESSION, null).open(copy(packet), body),
                "an encrypted packet cannot be taken as plain");
        ByteBuffer plain = seal(new PacketCodec(SESSION, null), 0, 1, new byte[100]);
        assertEquals(Verdict.FOREIGN, new PacketCodec(SESSION, key).open(plain, body),
                "a plain packet is never accepted in an encrypted session");
    }

    @Test
    void replayWindowAcceptsEachCounterOnce() {
        ReplayWindow window = new ReplayWindow();
        assertTrue(window.accept(1));
        assertTrue(window.accept(3));
        assertTrue(window.accept(2), "reordered but new");
        assertFalse(window.accept(2), "replayed");
        assertFalse(window.accept(3), "replayed");
        assertFalse(window.accept(0), "counters start at 1");
        assertTrue(window.accept(10_000));
        assertFalse(window.accept(10_000 - ReplayWindow.SIZE), "too old to tell: refused");
        assertTrue(window.accept(10_000 - ReplayWindow.SIZE + 1), "inside the window and unseen");
        assertFalse(window.accept(1), "old replay after a jump");
    }

    private static ByteBuffer seal(PacketCodec codec, int origin, long counter, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(PacketCodec.MAX_PACKET);
        codec.seal(PacketType.DATA, origin, counter, ByteBuffer.wrap(body), out);
        return out;
    }

    private static ByteBuffer copy(ByteBuffer packet) {
        return ByteBuffer.wrap(remaining(packet.duplicate().position(0)));
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static boolean contains(ByteBuffer packet, byte[] needle) {
        byte[] hay = remaining(packet.duplicate().position(0));
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < 16; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
