package org.fenestra.wim.internal.format;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1, the hash WIM uses for blobs, metadata and integrity chunks. */
public final class Sha1 {
    private Sha1() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    public static byte[] of(byte[] data) {
        return newDigest().digest(data);
    }
}
