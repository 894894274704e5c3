package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.PartialContent;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.http.DpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real DP process on loopback, pushed to by the site's client and read by curl and our client. */
class DpServerTest {

    @TempDir
    static Path dir;
    private static DpProcess dp;
    private static String downloadKey;

    @BeforeAll
    static void startDp() throws Exception {
        dp = DpProcess.start(dir.resolve("dp1"));
        downloadKey = Secrets.newSecret();
        dp.siteClient().setDownloadKey(downloadKey);
    }

    @AfterAll
    static void stopDp() throws Exception {
        dp.close();
    }

    @Test
    void printsItsUrlAndTheFingerprintOfTheCertificateItServes() throws Exception {
        assertEquals("127.0.0.1", dp.url.getHost());
        String secret = dp.secret();
        assertTrue(dp.output.stream().anyMatch(l -> l.equals("Site secret: " + secret)), dp.output.toString());
        // openssl as the oracle: the certificate the DP presents has the printed fingerprint
        TestFiles.Result served = TestFiles.run(List.of("sh", "-c", "openssl s_client -connect 127.0.0.1:"
                + dp.url.getPort() + " </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256"));
        assertTrue(served.output().contains("=" + dp.fingerprint), served.output() + " vs " + dp.fingerprint);
        assertEquals(200, TestFiles.status(TestFiles.curl(null, dp.url.toString())));

        DpClient impostor = new DpClient(dp.url, dp.fingerprint.replace('A', 'B').replace('0', '1'), dp.secret());
        assertThrows(IOException.class, impostor::packages, "a DP with another certificate is not trusted");
    }

    @Test
    void pushedContentIsServedBitExactWithRangesToTokenHolders() throws Exception {
        Path wim = Path.of("data", "multi.wim");
        String sha = TestFiles.sha256sum(wim);
        long size = Files.size(wim);
        DpClient site = dp.siteClient();
        AtomicLong sent = new AtomicLong();
        site.upload(sha, wim, size, sent::addAndGet);
        assertEquals(size, sent.get());
        PackageManifest manifest = new PackageManifest("FEN00001", 1, List.of(new PackageFile("multi.wim", sha, size)));
        site.putManifest(manifest);
        assertEquals(1, site.packages().get("FEN00001"));

        String token = DownloadTokens.mint(downloadKey, "FEN00001", Instant.now().plusSeconds(600));
        Path fetched = dir.resolve("fetched.wim");
        assertEquals(200, TestFiles.status(TestFiles.curl(token, "-o", fetched.toString(), dp.url + "content/" + sha)));
        assertEquals(sha, TestFiles.sha256sum(fetched));

        Path part = dir.resolve("part.bin");
        assertEquals(206, TestFiles.status(TestFiles.curl(token, "-r", "1000-99999", "-o", part.toString(),
                dp.url + "content/" + sha)));
        assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(wim), 1000, 100_000), Files.readAllBytes(part));
        assertEquals(416, TestFiles.status(TestFiles.curl(token, "-r", size + "-", "-o", "/dev/null",
                dp.url + "content/" + sha)));

        DpClient client = new DpClient(dp.url, dp.fingerprint, token);
        assertEquals(manifest, client.manifest("FEN00001"));
        ContentLibrary local = ContentLibrary.open(dir.resolve("client-library"));
        try (PartialContent partial = local.partial(sha, size)) {
            Files.write(local.root().resolve("partial/" + sha + ".part"), Arrays.copyOf(Files.readAllBytes(wim), 5000));
            client.download(partial, size, ContentProgress.NONE);
            partial.complete(ContentProgress.NONE);
        }
        assertEquals(sha, TestFiles.sha256sum(local.find(sha).orElseThrow()));
    }

    @Test
    void anUploadStoppedMidwayContinuesWhereTheDpsCopyStopsAndSendsOnlyTheRest() throws Exception {
        long size = 8L << 20;
        Path file = TestFiles.randomFile(dir.resolve("stopped.bin"), size, 4);
        String sha = TestFiles.sha256(file);
        DpClient site = dp.siteClient();
        AtomicLong first = new AtomicLong();
        assertThrows(IllegalStateException.class, () -> site.upload(sha, file, size, n -> {
            if (first.addAndGet(n) >= 3L << 20) {
                throw new IllegalStateException("stopped by the test");
            }
        }));
        DpClient.UploadState kept = uploadStateOnceReleased(site, sha);
        assertFalse(kept.complete());
        assertTrue(kept.offset() > 0 && kept.offset() <= first.get(), "kept " + kept.offset() + " of " + first.get());

        AtomicLong second = new AtomicLong();
        site.upload(sha, file, size, second::addAndGet);
        assertEquals(size - kept.offset(), second.get(), "only the rest was sent");
        assertEquals(new DpClient.UploadState(true, size), site.uploadState(sha));
        assertEquals(sha, TestFiles.sha256(dp.data.resolve("library/content/" + sha.substring(0, 2) + "/" + sha)));
    }

    /** The DP's handler lets go of a broken upload's partial copy a moment after the connection closes. */
    private static DpClient.UploadState uploadStateOnceReleased(DpClient site, String sha) throws Exception {
        for (int attempt = 0;; attempt++) {
            try {
                return site.uploadState(sha);
            } catch (DpException e) {
                if (e.status() != 409 || attempt == 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void onlyTheSiteMayPushAndOnlyTokenHoldersMayDownload() throws Exception {
        Path file = TestFiles.randomFile(dir.resolve("secret.bin"), 70_000, 1);
        String sha = TestFiles.sha256(file);
        String url = dp.url.toString();

        assertEquals(401, TestFiles.status(TestFiles.curl(null, "-X", "PUT", "-H", "Upload-Offset: 0",
                "--data-binary", "@" + file, url + "admin/upload/" + sha + "?size=70000")), "no credentials");
        assertEquals(403, TestFiles.status(TestFiles.curl("not-the-secret", "-X", "PUT", "-H", "Upload-Offset: 0",
                "--data-binary", "@" + file, url + "admin/upload/" + sha + "?size=70000")), "a wrong secret");
        String token = DownloadTokens.mint(downloadKey, "PKG-A", Instant.now().plusSeconds(600));
        assertEquals(403, TestFiles.status(TestFiles.curl(token, "-X", "DELETE", url + "admin/packages/PKG-A")),
                "a download token cannot delete");
        assertEquals(401, TestFiles.status(TestFiles.curl(null, "-X", "DELETE", url + "admin/packages/PKG-A")));
        assertFalse(Files.exists(dp.data.resolve("library/partial/" + sha + ".part")), "nothing was written");

        DpClient site = dp.siteClient();
        site.upload(sha, file, 70_000, n -> { });
        site.putManifest(new PackageManifest("PKG-A", 1, List.of(new PackageFile("secret.bin", sha, 70_000))));

        assertEquals(401, TestFiles.status(TestFiles.curl(null, "-o", "/dev/null", url + "content/" + sha)));
        String other = DownloadTokens.mint(downloadKey, "PKG-B", Instant.now().plusSeconds(600));
        assertEquals(403, TestFiles.status(TestFiles.curl(other, "-o", "/dev/null", url + "content/" + sha)),
                "a token for another package");
        assertEquals(403, TestFiles.status(TestFiles.curl(other, "-o", "/dev/null", url + "packages/PKG-A")));
        String expired = DownloadTokens.mint(downloadKey, "PKG-A", Instant.now().minusSeconds(1));
        assertEquals(403, TestFiles.status(TestFiles.curl(expired, "-o", "/dev/null", url + "content/" + sha)));
        String forged = DownloadTokens.mint(Secrets.newSecret(), "PKG-A", Instant.now().plusSeconds(600));
        assertEquals(403, TestFiles.status(TestFiles.curl(forged, "-o", "/dev/null", url + "content/" + sha)));
        assertEquals(200, TestFiles.status(TestFiles.curl(token, "-o", "/dev/null", url + "content/" + sha)));
    }

    @Test
    void pathsThatCouldLeaveTheLibraryAreRefused() throws Exception {
        String token = DownloadTokens.mint(downloadKey, "PKG-A", Instant.now().plusSeconds(600));
        String url = dp.url.toString();
        for (String path : List.of("content/../../../../etc/passwd", "content/..%2F..%2F..%2Fetc%2Fpasswd",
                "content/%2e%2e/%2e%2e/etc/passwd", "packages/..", "packages/PKG-A/..%2f..%2fidentity",
                "content/%2fetc%2fpasswd", "content/..\\..\\identity\\site.secret", "admin/../identity/site.secret",
                "identity/site.secret", "library/content", "content/" + "a".repeat(63) + "%00")) {
            TestFiles.Result result = TestFiles.curl(token, url + path);
            int status = TestFiles.status(result);
            assertTrue(status == 400 || status == 404, path + " answered " + status + ": " + result.output());
            assertFalse(result.output().contains("root:") || result.output().contains(dp.secret()), path);
        }
    }

    @Test
    void anUploadThatHashesOtherwiseIsDroppedAndNeverVisible() throws Exception {
        Path file = TestFiles.randomFile(dir.resolve("bad.bin"), 50_000, 2);
        String claimed = TestFiles.sha256(TestFiles.randomFile(dir.resolve("other.bin"), 10, 3));
        DpException e = assertThrows(DpException.class, () -> dp.siteClient().upload(claimed, file, 50_000, n -> { }));
        assertEquals(422, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(TestFiles.sha256(file)), e.getMessage());
        assertFalse(Files.exists(dp.data.resolve("library/content/" + claimed.substring(0, 2) + "/" + claimed)));
        assertEquals(new DpClient.UploadState(false, 0), dp.siteClient().uploadState(claimed));
    }
}
