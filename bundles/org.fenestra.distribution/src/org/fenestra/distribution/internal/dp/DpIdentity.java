package org.fenestra.distribution.internal.dp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.fenestra.distribution.internal.Fingerprints;
import org.fenestra.distribution.internal.Secrets;

/**
 * What makes a DP itself, kept in {@code DATA/identity/}: its self-signed TLS certificate and
 * key ({@code tls.p12}, made at first start), the secret only the site knows ({@code site.secret};
 * the site sends it to push or delete), and the site's download key ({@code download.key}, set by
 * the site, to check clients' tokens).
 *
 * <p>The certificate is made by the JDK's {@code keytool} run as a process: every JDK that runs
 * Fenestra has it, it writes a PKCS#12 store Jetty reads directly, and it needs no certificate
 * library in the product (BouncyCastle's PKIX part is not in our target platform).
 */
public final class DpIdentity {

    static final String ALIAS = "dp";
    private final Path dir;
    private final String keystorePassword;
    private final String siteSecret;
    private final X509Certificate certificate;
    private final boolean created;

    private DpIdentity(Path dir, String keystorePassword, String siteSecret, X509Certificate certificate,
            boolean created) {
        this.dir = dir;
        this.keystorePassword = keystorePassword;
        this.siteSecret = siteSecret;
        this.certificate = certificate;
        this.created = created;
    }

    /** Loads the identity in {@code dir}, making it at first start. */
    public static DpIdentity loadOrCreate(Path dir, String hostName) throws IOException {
        Files.createDirectories(dir);
        Path store = dir.resolve("tls.p12");
        Path password = dir.resolve("keystore.password");
        Path secret = dir.resolve("site.secret");
        boolean created = false;
        if (!Files.exists(store)) {
            Secrets.write(password, Secrets.newSecret());
            generateCertificate(store, Secrets.read(password), hostName);
            created = true;
        }
        if (!Files.exists(secret)) {
            Secrets.write(secret, Secrets.newSecret());
            created = true;
        }
        String storePassword = Secrets.read(password);
        return new DpIdentity(dir, storePassword, Secrets.read(secret), certificate(store, storePassword), created);
    }

    private static void generateCertificate(Path store, String password, String hostName) throws IOException {
        Path temp = store.resolveSibling("tls.p12.tmp");
        Files.deleteIfExists(temp);
        List<String> san = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
        if (hostName != null && !hostName.isBlank() && !hostName.equals("localhost")) {
            san.add((hostName.matches("[0-9.]+") ? "ip:" : "dns:") + hostName);
        }
        List<String> command = List.of(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname",
                "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650", "-dname",
                "CN=" + (hostName == null || hostName.isBlank() ? "localhost" : hostName)
                        + ", O=Fenestra distribution point",
                "-ext", "SAN=" + String.join(",", san), "-keystore", temp.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make the DP's certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the DP's certificate", e);
        }
        Files.move(temp, store, StandardCopyOption.ATOMIC_MOVE);
    }

    /** keytool beside the running java, which every JDK has. */
    private static String keytool() throws IOException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Path keytool = java.resolveSibling("keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("no keytool beside " + java + ": the DP needs a JDK to make its certificate");
        }
        return keytool.toString();
    }

    private static X509Certificate certificate(Path store, String password) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            return (X509Certificate) keyStore.getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the DP's certificate in " + store + ": " + e.getMessage(), e);
        }
    }

    Path keyStore() {
        return dir.resolve("tls.p12");
    }

    String keyStorePassword() {
        return keystorePassword;
    }

    public String siteSecret() {
        return siteSecret;
    }

    public Path siteSecretFile() {
        return dir.resolve("site.secret");
    }

    public String fingerprint() {
        return Fingerprints.of(certificate);
    }

    /** True when this start made the certificate or the secret. */
    public boolean created() {
        return created;
    }

    /** The site's download key, once the site has set it. */
    Optional<String> downloadKey() throws IOException {
        Path file = dir.resolve("download.key");
        return Files.exists(file) ? Optional.of(Secrets.read(file)) : Optional.empty();
    }

    void setDownloadKey(String keyHex) throws IOException {
        Secrets.write(dir.resolve("download.key"), keyHex);
    }
}
