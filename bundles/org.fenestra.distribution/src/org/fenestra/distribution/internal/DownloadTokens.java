package org.fenestra.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-deployment download tokens: {@code FDT1:PACKAGES:EXPIRY:MAC}, PACKAGES one package ID or
 * several joined by {@code +} (a deployment's images, among which a pre-caching client picks), the
 * MAC an HMAC-SHA256 over packages and expiry (epoch seconds) with the site's download key, which
 * the site gives every DP. So any DP checks a token without asking the site, a token opens only
 * the packages it names, and it expires. ({@code +} cannot appear in a package ID.)
 */
public final class DownloadTokens {

    private static final String PREFIX = "FDT1";
    private static final String SEPARATOR = "+";

    private DownloadTokens() {
    }

    public static String mint(String downloadKeyHex, String packageId, Instant expires) {
        return mint(downloadKeyHex, List.of(packageId), expires);
    }

    /** A token opening every one of {@code packageIds}. */
    public static String mint(String downloadKeyHex, Collection<String> packageIds, Instant expires) {
        if (packageIds.isEmpty() || packageIds.stream().anyMatch(id -> id.isEmpty() || id.contains(SEPARATOR)
                || id.contains(":"))) {
            throw new IllegalArgumentException("a token names one or more plain package IDs, not " + packageIds);
        }
        String payload = String.join(SEPARATOR, packageIds) + ":" + expires.getEpochSecond();
        return PREFIX + ":" + payload + ":" + mac(downloadKeyHex, payload);
    }

    /** True when the token was minted with this key for (among others) this package and has not expired. */
    public static boolean permits(String downloadKeyHex, String token, String packageId, Instant now) {
        return packagesPermitted(downloadKeyHex, token, now).map(ids -> ids.contains(packageId)).orElse(false);
    }

    /** The packages a token minted with this key opens, in the order it names them; empty when wrong or expired. */
    public static Optional<List<String>> packagesPermitted(String downloadKeyHex, String token, Instant now) {
        if (downloadKeyHex == null || token == null) {
            return Optional.empty();
        }
        String[] parts = token.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String expected = mac(downloadKeyHex, parts[1] + ":" + parts[2]);
        boolean genuine = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII));
        if (!genuine || now.getEpochSecond() >= expires) {
            return Optional.empty();
        }
        return Optional.of(List.of(parts[1].split("\\" + SEPARATOR, -1)));
    }

    private static String mac(String keyHex, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(keyHex), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot compute a token MAC", e);
        }
    }
}
