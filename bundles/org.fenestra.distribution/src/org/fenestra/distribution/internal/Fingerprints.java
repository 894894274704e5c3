package org.fenestra.distribution.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** A certificate's SHA-256 fingerprint, written as keytool and openssl write it ({@code AB:CD:…}). */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint " + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * The fingerprint in the canonical form, accepting it with or without colons, in either case.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    public static String normalize(String fingerprint) {
        String hex = fingerprint == null ? "" : fingerprint.replace(":", "").strip().toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 certificate fingerprint (64 hex digits, colons allowed): "
                    + fingerprint);
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
