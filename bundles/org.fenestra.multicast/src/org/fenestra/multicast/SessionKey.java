package org.fenestra.multicast;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The AES-256 key of one multicast session: made by the sender, given to each admitted receiver
 * over the key exchange, never sent on the group.
 *
 * @since 0.1
 */
public final class SessionKey {

    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SessionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SessionKey generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new SessionKey(bytes);
    }

    public static SessionKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a session key has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new SessionKey(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SessionKey[hidden]";
    }
}
