package org.fenestra.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageFacts;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DistributionPoints;
import org.fenestra.distribution.internal.client.ClientMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code client download --precache}: a deployment of two real WIMs (x64 en-US, its language from
 * the WIM XML; arm64 de-DE, from its registry facts) distributed by the site's services to a real
 * DP process, and the client run as its own process choosing between them.
 */
class PrecacheDownloadTest {

    @TempDir
    static Path dir;
    private static DpProcess dp;
    private static ContentDistribution distribution;
    private static OsImageRecord x64;
    private static OsImageRecord arm64;
    private static String x64Sha;
    private static String arm64Sha;
    private static String deploymentToken;

    @BeforeAll
    static void distributeTwoImages() throws Exception {
        distribution = Services.get(ContentDistribution.class);
        ImageCatalog catalog = Services.get(ImageCatalog.class);
        String prefix = "P" + Long.toString(System.nanoTime() % 1_000_000, 36);
        dp = DpProcess.start(dir.resolve("dp"));
        Services.get(DistributionPoints.class).add(prefix + "-dp", dp.url, dp.fingerprint, dp.secret());

        Path x64Wim = TestFiles.capturedWim(dir, "x64", 2 << 20, 31);
        Path arm64Wim = TestFiles.capturedWim(dir, "arm64", 3 << 20, 32);
        x64Sha = TestFiles.sha256sum(x64Wim);
        arm64Sha = TestFiles.sha256sum(arm64Wim);
        x64 = catalog.add(image(prefix + " x64", x64Wim, Architecture.X64, "en-US"), ImageFacts.UNKNOWN);
        arm64 = catalog.add(image(prefix + " arm64", arm64Wim, Architecture.ARM64, "de-DE"),
                new ImageFacts("Windows 11 Enterprise", "Enterprise", "Client", 26100, 1, "24H2", List.of("de-DE")));
        for (OsImageRecord image : List.of(x64, arm64)) {
            distribution.distribute(image.id(), List.of(prefix + "-dp"), DistributionListener.NONE)
                    .forEach(s -> assertEquals(State.INSTALLED, s.state(), s.describe()));
        }
        deploymentToken = distribution.downloadToken(List.of(x64.id(), arm64.id()), Duration.ofMinutes(10));
    }

    @AfterAll
    static void stopDp() throws Exception {
        dp.close();
    }

    @Test
    void theDpListsTheTokensImagesWithArchitectureAndLanguages() throws Exception {
        TestFiles.Result listed = TestFiles.curl(deploymentToken, dp.url + "images");
        assertEquals(200, TestFiles.status(listed));
        assertTrue(listed.output().contains(x64.id() + " x64 en-US\n"), listed.output());
        assertTrue(listed.output().contains(arm64.id() + " arm64 de-DE\n"), listed.output());

        String x64Only = distribution.downloadToken(x64.id(), Duration.ofMinutes(10));
        TestFiles.Result scoped = TestFiles.curl(x64Only, dp.url + "images");
        assertFalse(scoped.output().contains(arm64.id()), "a token lists only its own images: " + scoped.output());
        assertEquals(403, TestFiles.status(TestFiles.curl(x64Only, dp.url + "content/" + arm64Sha)));
        assertEquals(401, TestFiles.status(TestFiles.curl(null, dp.url + "images")));
    }

    @Test
    void picksTheImageOfTheNamedArchitectureAndLanguage() throws Exception {
        Path dest = dir.resolve("arm64-de");
        TestFiles.Result run = client(List.of(), "--precache", "--arch", "aarch64", "--lang", "de-DE", "--dest",
                dest.toString(), "--token", deploymentToken);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Pre-cache: " + arm64.id() + " (arm64, de-DE)"), run.output());
        assertEquals(arm64Sha, TestFiles.sha256sum(dest.resolve("arm64.wim")));
        assertFalse(Files.exists(dest.resolve("x64.wim")), "only the chosen image is downloaded");
        assertEquals(0, TestFiles.run(List.of("wimlib-imagex", "verify", dest.resolve("arm64.wim").toString())).exit());
    }

    @Test
    void detectsTheMachinesArchitectureAndLanguageAndTakesTheSameBaseLanguage() throws Exception {
        String machine = System.getProperty("os.arch");
        boolean isX64 = machine.equals("amd64") || machine.equals("x86_64");
        Path dest = dir.resolve("detected");
        // the JVM's display language is the machine's language here: en-GB, served by the en-US image
        TestFiles.Result run = client(List.of("-Duser.language=en", "-Duser.country=GB"), "--precache", "--dest",
                dest.toString(), "--token", deploymentToken);
        if (isX64) {
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("Pre-cache: " + x64.id() + " (x64, en-US) for this machine (x64, en-GB)"),
                    run.output());
            assertEquals(x64Sha, TestFiles.sha256sum(dest.resolve("x64.wim")));
        } else {
            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("no image of the deployment matches this machine"), run.output());
        }
    }

    @Test
    void noMatchingImageIsAClearErrorNamingWhatTheDeploymentHas() throws Exception {
        Path dest = dir.resolve("none");
        TestFiles.Result run = client(List.of(), "--precache", "--arch", "arm64", "--lang", "fr-FR", "--dest",
                dest.toString(), "--token", deploymentToken);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("client: no image of the deployment matches this machine (arm64, fr-FR); it has: "),
                run.output());
        assertTrue(run.output().contains(x64.id() + " (x64, en-US)") && run.output().contains(arm64.id() + " (arm64, de-DE)"),
                run.output());
        assertFalse(run.output().contains("Exception"), run.output());
        assertFalse(Files.exists(dest.resolve("arm64.wim")));

        TestFiles.Result x86 = client(List.of(), "--precache", "--arch", "x86", "--lang", "en-US", "--dest",
                dest.toString(), "--token", deploymentToken);
        assertEquals(1, x86.exit(), x86.output());
        assertTrue(x86.output().contains("matches this machine (x86, en-US)"), x86.output());
    }

    @Test
    void aBadTokenIsRefusedAndWrongUsageExplained() throws Exception {
        String forged = "FDT1:" + x64.id() + "+" + arm64.id() + ":99999999999:forged";
        TestFiles.Result run = client(List.of(), "--precache", "--arch", "x64", "--lang", "en-US", "--dest",
                dir.resolve("forged").toString(), "--token", forged);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("client: refused by the DP: ") && run.output().contains("403"), run.output());
        assertFalse(Files.exists(dir.resolve("forged/x64.wim")));

        TestFiles.Result both = client(List.of(), "--precache", "--image", x64.id(), "--dest", dir.resolve("u").toString(),
                "--token", deploymentToken);
        assertEquals(2, both.exit(), both.output());
        assertTrue(both.output().contains("leave out --image"), both.output());
        TestFiles.Result badArch = client(List.of(), "--precache", "--arch", "sparc", "--dest", dir.resolve("u").toString(),
                "--token", deploymentToken);
        assertEquals(2, badArch.exit(), badArch.output());
        assertTrue(badArch.output().contains("--arch is x64, arm64 or x86, not sparc"), badArch.output());
        TestFiles.Result help = client(List.of(), "--help");
        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("--precache") && help.output().contains("--arch") && help.output().contains("--lang"),
                help.output());
    }

    // ---- helpers --------------------------------------------------------------------------

    private static NewOsImage image(String name, Path wim, Architecture architecture, String language) throws Exception {
        return new NewOsImage(name, "1", "", wim.toString(), wim.toString(), 1, "10.0.26100.1", "Enterprise",
                architecture, language, Files.size(wim), new EulaAcceptance("tester", Instant.now()));
    }

    /** {@code client download ARGS} as its own process, with these JVM options. */
    private static TestFiles.Result client(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(DpProcess.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", DpProcess.classpath(), ClientMain.class.getName()));
        if (!List.of(args).contains("--help")) {
            command.addAll(List.of("download", "--dp", dp.url.toString(), "--fingerprint", dp.fingerprint));
        }
        command.addAll(List.of(args));
        return TestFiles.run(command);
    }
}
