package org.fenestra.multicast.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.fenestra.multicast.SessionKey;

/**
 * Writes and checks the packet header and, in encrypted sessions, seals the body with AES-256-GCM.
 *
 * <pre>
 * offset size field
 *  0     4    magic "FMC1"
 *  4     1    type (PacketType)
 *  5     1    flags (bit 0: body encrypted)
 *  6     2    reserved, 0
 *  8     8    session id
 * 16     4    origin: 0 the sender, else the receiver id from the ticket
 * 20     8    counter: per origin, from 1, +1 per packet (never reused under one key)
 * 28     ...  body; encrypted: ciphertext then the 16-byte GCM tag
 * </pre>
 *
 * The GCM nonce is origin (4 bytes) then counter (8 bytes), unique per session key; the 28 header
 * bytes are the additional authenticated data, so nothing of a packet can be changed unnoticed.
 * One codec per thread (Cipher is not thread-safe).
 */
final class PacketCodec {

    static final int MAGIC = 0x464D4331;
    static final int HEADER = 28;
    static final int TAG = 16;
    /** Largest UDP payload (IPv4); a 1500-byte MTU carries 1472 without fragments. */
    static final int MAX_PACKET = 65_507;

    /** Why an incoming packet was not accepted. */
    enum Verdict { OK, FOREIGN, UNAUTHENTICATED }

    private final long sessionId;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final byte[] nonce = new byte[12];

    PacketCodec(long sessionId, SessionKey sessionKey) {
        this.sessionId = sessionId;
        try {
            this.key = sessionKey == null ? null : new SecretKeySpec(sessionKey.bytes(), "AES");
            this.cipher = sessionKey == null ? null : Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES/GCM", e);
        }
    }

    boolean encrypted() {
        return key != null;
    }

    /** Room a body has in one packet. */
    int maxBody() {
        return MAX_PACKET - HEADER - (encrypted() ? TAG : 0);
    }

    /**
     * Turns {@code body} (position..limit) into a packet in {@code out} (cleared, flipped on
     * return).
     */
    void seal(PacketType type, int origin, long counter, ByteBuffer body, ByteBuffer out) {
        out.clear();
        out.putInt(MAGIC).put(type.code).put((byte) (encrypted() ? 1 : 0)).putShort((short) 0)
                .putLong(sessionId).putInt(origin).putLong(counter);
        if (!encrypted()) {
            out.put(body).flip();
            return;
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(origin, counter)));
            cipher.updateAAD(out.array(), out.arrayOffset(), HEADER);
            cipher.doFinal(body, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
        out.flip();
    }

    /**
     * Checks {@code packet} (flipped) and leaves its plain body in {@code body} (cleared, flipped
     * on return). On OK the header fields are read with {@link #type}, {@link #origin},
     * {@link #counter}.
     */
    Verdict open(ByteBuffer packet, ByteBuffer body) {
        int length = packet.remaining();
        if (length < HEADER || packet.getInt(0) != MAGIC || packet.getLong(8) != sessionId
                || PacketType.of(packet.get(4)) == null) {
            return Verdict.FOREIGN;
        }
        boolean sealed = (packet.get(5) & 1) != 0;
        if (sealed != encrypted()) {
            return sealed ? Verdict.UNAUTHENTICATED : Verdict.FOREIGN;
        }
        body.clear();
        packet.position(HEADER);
        if (!encrypted()) {
            body.put(packet).flip();
            return Verdict.OK;
        }
        if (length < HEADER + TAG) {
            return Verdict.FOREIGN;
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(origin(packet), counter(packet))));
            cipher.updateAAD(packet.array(), packet.arrayOffset(), HEADER);
            cipher.doFinal(packet, body);
        } catch (GeneralSecurityException e) {
            return Verdict.UNAUTHENTICATED;
        }
        body.flip();
        return Verdict.OK;
    }

    static PacketType type(ByteBuffer packet) {
        return PacketType.of(packet.get(4));
    }

    static int origin(ByteBuffer packet) {
        return packet.getInt(16);
    }

    static long counter(ByteBuffer packet) {
        return packet.getLong(20);
    }

    private byte[] nonce(int origin, long counter) {
        for (int i = 0; i < 4; i++) {
            nonce[i] = (byte) (origin >>> (24 - 8 * i));
        }
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (56 - 8 * i));
        }
        return nonce;
    }
}
