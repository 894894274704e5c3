package org.fenestra.servicing.internal;


import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.fenestra.catalog.api.Architecture;
import org.fenestra.catalog.api.EulaAcceptance;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.NewOsImage;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.testing.TestServices;
import org.fenestra.servicing.testing.FenestraPackageFile;
import org.fenestra.servicing.testing.TestImages;
import org.fenestra.updates.api.SoftwareUpdates;
import org.fenestra.updates.testing.TestPackages;
import org.fenestra.wim.model.WimProgress;


/**
 * What the servicing tests share: the DS services of the running framework (catalog in H2 under
 * target/) or given ones, an image made with wimlib-imagex and added to the catalog, and an update source whose
 * .fpkg packages are synchronized and downloaded through the real SoftwareUpdates service.
 */
final class ServicingFixture {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ImageCatalog catalog;
    private final SoftwareUpdates updates;
    private final Path work;
    private final Path wim;
    private final OsImageRecord image;
    private final Path source;
    private final String sourceName = "src-" + System.nanoTime();

    ServicingFixture(Path work) throws Exception {
        this(work, service(ImageCatalog.class), service(SoftwareUpdates.class));
    }

    /** The same on given services, e.g. a catalog on PostgreSQL that several site server processes share. */
    ServicingFixture(Path work, ImageCatalog catalog, SoftwareUpdates updates) throws Exception {
        this.work = work;
        this.catalog = catalog;
        this.updates = updates;
        wim = TestImages.windowsImage(work.resolve("tree"), work.resolve("images/install.wim"));
        image = addImage(wim);
        source = Files.createDirectories(work.resolve("updates"));
    }

    static <T> T service(Class<T> type) throws Exception {
        return TestServices.get(type, ServicingPipeline.class);
    }

    ImageCatalog catalog() {
        return catalog;
    }

    SoftwareUpdates updates() {
        return updates;
    }

    Path work() {
        return work;
    }

    Path wim() {
        return wim;
    }

    OsImageRecord image() {
        return image;
    }

    OsImageRecord addImage(Path file) throws Exception {
        return catalog.add(new NewOsImage("Windows 11 " + System.nanoTime(), "", "", file.toString(), file.toString(), 1,
                "10.0.22621.2361", "Enterprise", Architecture.X64, "en-US", Files.size(file),
                new EulaAcceptance("admin", Instant.now())));
    }

    /** Writes the packages into the source and synchronizes it; their update IDs, in order. */
    List<String> synchronized_(FenestraPackageFile... packages) throws Exception {
        for (FenestraPackageFile pkg : packages) {
            pkg.write(source.resolve(COUNT.incrementAndGet() + "-" + System.nanoTime() + ".fpkg"));
        }
        if (updates.sources().stream().noneMatch(s -> s.name().equals(sourceName))) {
            updates.addSource(source.toString(), sourceName);
        }
        updates.synchronize(sourceName, WimProgress.NONE);
        List<String> ids = new ArrayList<>();
        for (FenestraPackageFile pkg : packages) {
            ids.add(updates.get(pkg.article()).id());
        }
        return ids;
    }

    /** A CBS cabinet (made with gcab) for {@code article} in the source, synchronized and downloaded; its update ID. */
    String publishedCbs(String article) throws Exception {
        new TestPackages(work).cbs(source.resolve(article.toLowerCase(java.util.Locale.ROOT) + "-x64.cab"),
                TestPackages.mum("Package_for_RollupFix", "22621.2428.1.4", "amd64", article, "Security Update",
                        List.of(new TestPackages.Parent("10.0.22621.1", "EQ", "GE")), false), true);
        synchronized_(); // the source synchronized with the cabinet in it
        String id = updates.get(article).id();
        updates.download(List.of(id), WimProgress.NONE);
        return id;
    }

    /** {@link #synchronized_} and downloaded into the content library. */
    List<String> published(FenestraPackageFile... packages) throws Exception {
        List<String> ids = synchronized_(packages);
        updates.download(ids, WimProgress.NONE);
        return ids;
    }

    static String unique(String name) {
        return name + "-" + COUNT.incrementAndGet() + "-" + System.nanoTime();
    }

    static FenestraPackageFile agent() {
        return new FenestraPackageFile(unique("FPK-AGENT"), unique("Contoso-Agent"), "2.1.0.0")
                .add("Program Files/Contoso/agent.exe", "MZ agent".repeat(4000).getBytes(StandardCharsets.US_ASCII))
                .replace(TestImages.HOSTS, "127.0.0.1 contoso\n".getBytes(StandardCharsets.US_ASCII));
    }

    static FenestraPackageFile cleanup() {
        return new FenestraPackageFile(unique("FPK-CLEANUP"), unique("Contoso-Cleanup"), "1.0.0.0").delete(TestImages.OLD_LOG);
    }

    /** Fits no image made from {@link TestImages}: the file it adds is there already. */
    static FenestraPackageFile misfit() {
        return new FenestraPackageFile(unique("FPK-MISFIT"), unique("Contoso-Misfit"), "1.0.0.0")
                .add(TestImages.HOSTS, new byte[] {1, 2, 3});
    }

    static byte[] sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
        }
    }
}
