package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.fenestra.distribution.internal.Secrets;

/**
 * The key that seals the site's secrets (each DP's push secret, the download key) in the site
 * database: AES-256-GCM, the key in a file outside the database ({@code <fenestra.data>/keys/
 * site-secrets.key}, owner-only), so a copy or backup of the database alone opens nothing. Each
 * sealed value is bound to the row it belongs to (GCM's associated data), so values moved between
 * rows do not open. Stored as {@code FSK1:} + Base64(IV ‖ ciphertext ‖ tag); a value without the
 * prefix is a secret stored before sealing existed, read as it is until it is sealed.
 */
final class SiteSecretKey {

    static final String PREFIX = "FSK1:";
    private static final String FILE = "keys/site-secrets.key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Path, SiteSecretKey> LOADED = new ConcurrentHashMap<>();

    private final Path file;
    private final SecretKeySpec key;

    private SiteSecretKey(Path file, byte[] key) {
        this.file = file;
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key of the site whose data folder is {@code fenestra.data}, made at first use. */
    static SiteSecretKey forSite() throws IOException {
        String data = System.getProperty("fenestra.data", Path.of(System.getProperty("user.home"), ".fenestra").toString());
        return load(Path.of(data).resolve(FILE));
    }

    static SiteSecretKey load(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        SiteSecretKey loaded = LOADED.get(absolute);
        if (loaded != null) {
            return loaded;
        }
        synchronized (LOADED) {
            if (!Files.exists(absolute)) {
                Files.createDirectories(absolute.getParent());
                Secrets.write(absolute, Secrets.newSecret());
            }
            String hex = Secrets.read(absolute);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IOException("the site key file " + absolute + " is not 64 hex digits (256 bits)");
            }
            return LOADED.computeIfAbsent(absolute, f -> new SiteSecretKey(f, HexFormat.of().parseHex(hex)));
        }
    }

    Path file() {
        return file;
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Seals a secret of 64 hex digits (all the site's secrets are) for the row named {@code where}. */
    String seal(String secretHex, String where) {
        if (!secretHex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a site secret is 64 hex digits");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(HexFormat.of().parseHex(secretHex));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The secret a stored value holds; a value stored before sealing is returned as it is.
     *
     * @throws SQLException when this key does not open it (another site's key file, or the value
     *                      was altered or moved from another row)
     */
    String open(String stored, String where) throws SQLException {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (bytes.length <= IV_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SQLException("the site key " + file + " does not open the secret of " + where
                    + " (is this the key file the secrets were sealed with? every site server of a site needs the same one)");
        }
    }
}
