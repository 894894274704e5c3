package org.fenestra.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-deployment download tokens: {@code FDT1:PACKAGE:EXPIRY:MAC}, the MAC an HMAC-SHA256 over
 * package and expiry (epoch seconds) with the site's download key, which the site gives every DP.
 * So any DP checks a token without asking the site, a token opens one package only, and it
 * expires.
 */
public final class DownloadTokens {

    private static final String PREFIX = "FDT1";

    private DownloadTokens() {
    }

    public static String mint(String downloadKeyHex, String packageId, Instant expires) {
        String payload = packageId + ":" + expires.getEpochSecond();
        return PREFIX + ":" + payload + ":" + mac(downloadKeyHex, payload);
    }

    /** True when the token was minted with this key for this package and has not expired. */
    public static boolean permits(String downloadKeyHex, String token, String packageId, Instant now) {
        if (downloadKeyHex == null || token == null) {
            return false;
        }
        String[] parts = token.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].equals(packageId)) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        String expected = mac(downloadKeyHex, parts[1] + ":" + parts[2]);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII)) && now.getEpochSecond() < expires;
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
