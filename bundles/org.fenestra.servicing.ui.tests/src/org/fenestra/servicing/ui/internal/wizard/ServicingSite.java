package org.fenestra.servicing.ui.internal.wizard;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.servicing.testing.WimTool;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.wim.model.WimProgress;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real site the workbench tests service: an image captured by wimlib-imagex and added to the
 * catalog (H2 under target/), and Fenestra packages synchronized and downloaded through the real
 * SoftwareUpdates service.
 */
final class ServicingSite {

    private ServicingSite() {
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(ServicingSite.class).getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        assertNotNull(service, "no " + type.getSimpleName() + " service");
        return service;
    }

    /** A one-image WIM captured by wimlib-imagex below {@code work}, added to the catalog. */
    static OsImageRecord image(Path work, String name) throws Exception {
        Path wim = TestImages.windowsImage(work.resolve("tree"), work.resolve("images/install.wim"));
        return service(ImageCatalog.class).add(new NewOsImage(name, "", "", wim.toString(), wim.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
    }

    /** A WIM of two images (the second appended by wimlib-imagex), its index 1 added to the catalog. */
    static OsImageRecord twoImageWim(Path work, String name) throws Exception {
        Path wim = TestImages.windowsImage(work.resolve("tree"), work.resolve("images/install.wim"));
        WimTool.run("append", work.resolve("tree").toString(), wim.toString(), "Windows 11 Pro");
        return service(ImageCatalog.class).add(new NewOsImage(name, "", "", wim.toString(), wim.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(wim),
                new EulaAcceptance("admin", Instant.now())));
    }

    /** A package that adds an agent and replaces the hosts file, of {@code agentBytes} bytes. */
    static FenestraPackageFile agentPackage(String tag, int agentBytes) {
        String unique = tag + "-" + System.nanoTime();
        byte[] agent = new byte[agentBytes];
        new java.util.Random(agentBytes).nextBytes(agent);
        return new FenestraPackageFile("FPK-" + unique, "Contoso-Agent-" + unique, "2.1.0.0")
                .add("Program Files/Contoso/agent.exe", agent)
                .replace(TestImages.HOSTS, ("127.0.0.1 " + unique + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the package into a new update source, synchronizes and downloads it; its update ID. */
    static String published(Path work, FenestraPackageFile pkg) throws Exception {
        SoftwareUpdates updates = service(SoftwareUpdates.class);
        Path source = Files.createDirectories(work.resolve("updates"));
        pkg.write(source.resolve(pkg.article() + ".fpkg"));
        String sourceName = "source-" + System.nanoTime();
        updates.addSource(source.toString(), sourceName);
        updates.synchronize(sourceName, WimProgress.NONE);
        String id = updates.get(pkg.article()).id();
        updates.download(List.of(id), WimProgress.NONE);
        return id;
    }

    static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
