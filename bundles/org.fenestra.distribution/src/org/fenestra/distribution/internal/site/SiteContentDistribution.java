package org.fenestra.distribution.internal.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fenestra.catalog.api.CatalogException;
import org.fenestra.catalog.api.ImageCatalog;
import org.fenestra.catalog.api.ImageNotFoundException;
import org.fenestra.catalog.api.OsImageRecord;
import org.fenestra.catalog.api.SiteDatabase;
import org.fenestra.content.library.ContentLibrary;
import org.fenestra.content.library.ContentProgress;
import org.fenestra.content.library.PackageFile;
import org.fenestra.content.library.PackageManifest;
import org.fenestra.content.library.StoredContent;
import org.fenestra.distribution.api.ContentDistribution;
import org.fenestra.distribution.api.ContentStatus;
import org.fenestra.distribution.api.ContentStatus.State;
import org.fenestra.distribution.api.DistributionException;
import org.fenestra.distribution.api.DistributionException.Reason;
import org.fenestra.distribution.api.DistributionListener;
import org.fenestra.distribution.api.DpValidation;
import org.fenestra.distribution.internal.DownloadTokens;
import org.fenestra.distribution.internal.ImageDescription;
import org.fenestra.distribution.internal.Secrets;
import org.fenestra.distribution.internal.http.DpClient;
import org.fenestra.distribution.internal.site.DistributionTables.DpRecord;
import org.fenestra.distribution.internal.site.DistributionTables.PackageRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The site's side of distribution. An image's stored WIM is taken into the site's content library
 * ({@code <fenestra.data>/content-library}; a new package version when its SHA-256 changed) and
 * pushed from there to each DP on its own thread, so a file changed meanwhile never mixes two
 * versions on a DP.
 */
@Component(service = ContentDistribution.class)
public final class SiteContentDistribution implements ContentDistribution {

    static final String DOWNLOAD_KEY = "download_key";
    /** How long a DP may stay unreachable during one push before it is Failed (seconds). */
    static final String RETRY_SECONDS = "fenestra.distribution.retrySeconds";
    private static final int MAX_PARALLEL_PUSHES = 8;

    @Reference
    private SiteDatabase database;

    @Reference
    private ImageCatalog catalog;

    private ContentLibrary library;
    private SiteSecretKey siteKey;

    @Activate
    void activate() throws IOException, DistributionException {
        String data = System.getProperty("fenestra.data", Path.of(System.getProperty("user.home"), ".fenestra").toString());
        library = ContentLibrary.open(Path.of(data, "content-library"));
        siteKey = SiteSecretKey.forSite();
        SiteSecretsMigration.run(database);
    }

    @Override
    public List<ContentStatus> distribute(String imageId, Collection<String> dpNames, DistributionListener listener)
            throws DistributionException {
        OsImageRecord image = image(imageId);
        List<DpRecord> dps = new ArrayList<>();
        for (String name : dpNames) {
            dps.add(dp(name));
        }
        if (dps.isEmpty()) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "name at least one distribution point");
        }
        for (DpRecord dp : dps) {
            record(new ContentStatus(image.id(), dp.point().name(), State.WAITING, 0, 0, "", Instant.now()), listener);
        }
        PackageManifest manifest = takeIntoLibrary(image);
        Path content = library.find(manifest.files().get(0).sha256()).orElseThrow();
        String key = downloadKey();
        Duration retry = Duration.ofSeconds(Long.getLong(RETRY_SECONDS, 300));
        String pullToken = DownloadTokens.mint(key, image.id(), Instant.now().plus(Duration.ofDays(1)));
        DeltaPlans deltas = new DeltaPlans(library, manifest, content);
        Map<String, ContentStatus> outcome = new LinkedHashMap<>();
        dps.forEach(dp -> outcome.put(dp.point().name(), null));
        ExecutorService pushes = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL_PUSHES, dps.size()));
        try {
            // waves: DPs the site pushes to (or whose source is not in this distribution) first, then
            // the pull-DPs whose source has just got the content, and so on down the chains
            for (List<DpRecord> wave : waves(dps)) {
                Map<String, Future<ContentStatus>> running = new LinkedHashMap<>();
                for (DpRecord dp : wave) {
                    DpPush push = new DpPush(dp, manifest, content, key, retry, listener, this::recordQuietly)
                            .withDeltas(deltas);
                    if (!dp.point().isPullDp()) {
                        running.put(dp.point().name(), pushes.submit(push::run));
                        continue;
                    }
                    ContentStatus source = outcome.get(dp.point().pullFrom());
                    if (source != null && source.state() != State.INSTALLED) {
                        outcome.put(dp.point().name(), push.fail("its source DP " + dp.point().pullFrom()
                                + " did not get the content"));
                        continue;
                    }
                    push.pullingFrom(new DpPush.PullSource(dp(dp.point().pullFrom()), pullToken));
                    running.put(dp.point().name(), pushes.submit(push::run));
                }
                for (Map.Entry<String, Future<ContentStatus>> entry : running.entrySet()) {
                    outcome.put(entry.getKey(), await(entry.getValue()));
                }
            }
            ImageDescription description = description(image);
            for (DpRecord dp : dps) {
                if (outcome.get(dp.point().name()).state() == State.INSTALLED) {
                    outcome.put(dp.point().name(), describedTo(dp, description, outcome.get(dp.point().name()), listener));
                }
            }
            return List.copyOf(outcome.values());
        } finally {
            pushes.shutdownNow();
        }
    }

    /**
     * The image's architecture and languages for pre-caching clients: the UI languages its
     * registry names (facts read at import), else the WIM XML's default language.
     */
    private ImageDescription description(OsImageRecord image) throws DistributionException {
        List<String> languages;
        try {
            languages = catalog.facts(image.id()).languages();
        } catch (CatalogException e) {
            throw new DistributionException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
        if (languages.isEmpty() && !image.language().isBlank()) {
            languages = List.of(image.language());
        }
        try {
            return new ImageDescription(image.id(), image.architecture().name(), languages);
        } catch (IllegalArgumentException e) {
            // a language the catalog holds that is no tag: the image is still described, by architecture
            return new ImageDescription(image.id(), image.architecture().name(), List.of());
        }
    }

    /** Tells a DP that got the content what the image is; a DP that cannot be told is Failed saying so. */
    private ContentStatus describedTo(DpRecord dp, ImageDescription description, ContentStatus installed,
            DistributionListener listener) throws DistributionException {
        try {
            client(dp).describeImage(description);
            return installed;
        } catch (IOException e) {
            ContentStatus failed = new ContentStatus(installed.imageId(), installed.dpName(), State.FAILED, 0, 0,
                    "the content is there, but the DP could not be told the image's architecture and languages: "
                            + e.getMessage(), Instant.now());
            record(failed, listener);
            return failed;
        }
    }

    /** The DPs in the order content can reach them: a pull-DP after the DP it pulls from. */
    private static List<List<DpRecord>> waves(List<DpRecord> dps) {
        Map<String, DpRecord> byName = new LinkedHashMap<>();
        dps.forEach(dp -> byName.put(dp.point().name(), dp));
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (DpRecord dp : dps) {
            int d = 0;
            DpRecord at = dp;
            // registration makes cycles impossible; the bound keeps a damaged table from looping
            while (at.point().isPullDp() && byName.containsKey(at.point().pullFrom()) && d < dps.size()) {
                at = byName.get(at.point().pullFrom());
                d++;
            }
            depth.put(dp.point().name(), d);
        }
        List<List<DpRecord>> waves = new ArrayList<>();
        for (DpRecord dp : dps) {
            int d = depth.get(dp.point().name());
            while (waves.size() <= d) {
                waves.add(new ArrayList<>());
            }
            waves.get(d).add(dp);
        }
        return waves;
    }

    @Override
    public ContentStatus redistribute(String imageId, String dpName, DistributionListener listener)
            throws DistributionException {
        return distribute(imageId, List.of(dpName), listener).get(0);
    }

    @Override
    public List<ContentStatus> status(String imageId) throws DistributionException {
        image(imageId);
        return SiteDatabaseWork.inTransaction(database, "read content status of " + imageId,
                c -> DistributionTables.statusOf(c, imageId));
    }

    @Override
    public List<DpValidation> validate(String imageId, Collection<String> dpNames) throws DistributionException {
        image(imageId);
        List<String> names = new ArrayList<>(dpNames);
        if (names.isEmpty()) {
            status(imageId).forEach(s -> names.add(s.dpName()));
        }
        List<DpValidation> results = new ArrayList<>();
        for (String name : names) {
            DpRecord dp = dp(name);
            DpValidation validation;
            try {
                DpClient.Validation answer = client(dp).validate(imageId);
                validation = new DpValidation(dp.point().name(), answer.valid(), answer.report());
            } catch (IOException e) {
                validation = new DpValidation(dp.point().name(), false, "could not validate: " + e.getMessage());
            }
            if (!validation.valid()) {
                record(new ContentStatus(imageId, dp.point().name(), State.FAILED, 0, 0,
                        "validation: " + validation.report(), Instant.now()), DistributionListener.NONE);
            }
            results.add(validation);
        }
        return results;
    }

    @Override
    public void remove(String imageId, String dpName) throws DistributionException {
        image(imageId);
        DpRecord dp = dp(dpName);
        try {
            client(dp).removePackage(imageId);
        } catch (IOException e) {
            throw new DistributionException(Reason.DP_UNREACHABLE, "could not remove " + imageId + " from "
                    + dp.point().name() + ": " + e.getMessage(), e);
        }
        SiteDatabaseWork.inTransaction(database, "remove content status of " + imageId, c -> {
            DistributionTables.deleteStatus(c, imageId, dp.point().name());
            return null;
        });
    }

    @Override
    public String downloadToken(List<String> imageIds, Duration validity) throws DistributionException {
        if (imageIds.isEmpty()) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "a token opens one image or more: name them");
        }
        List<String> ids = new ArrayList<>();
        for (String imageId : imageIds) {
            String id = image(imageId).id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new DistributionException(Reason.INVALID_ARGUMENT, "a token must be valid for some time");
        }
        return DownloadTokens.mint(downloadKey(), ids, Instant.now().plus(validity));
    }

    /** The stored WIM (local or on a share) in the site's library as the image's package. */
    private PackageManifest takeIntoLibrary(OsImageRecord image) throws DistributionException {
        try (StoredWim stored = StoredWim.open(image.id(), image.storedPath())) {
            return takeIntoLibrary(image, stored.path());
        }
    }

    /** Hashed again only when the file changed. */
    private PackageManifest takeIntoLibrary(OsImageRecord image, Path wim) throws DistributionException {
        try {
            if (!Files.isRegularFile(wim)) {
                throw new DistributionException(Reason.CONTENT_UNREADABLE, "image " + image.id() + ": its WIM "
                        + image.storedPath() + " is not a file that can be read");
            }
            long size = Files.size(wim);
            long modified = Files.getLastModifiedTime(wim).toMillis();
            PackageRecord known = SiteDatabaseWork.inTransaction(database, "read content package of " + image.id(),
                    c -> DistributionTables.findPackage(c, image.id())).orElse(null);
            if (known != null && known.size() == size && known.modifiedMillis() == modified
                    && library.contains(known.sha256()) && library.manifest(image.id(), known.version()).isPresent()) {
                return library.manifest(image.id(), known.version()).get();
            }
            StoredContent stored = library.store(wim, ContentProgress.NONE);
            int version = known == null ? 1 : known.sha256().equals(stored.sha256()) ? known.version() : known.version() + 1;
            String fileName = packageFileName(wim);
            PackageManifest manifest = new PackageManifest(image.id(), version,
                    List.of(new PackageFile(fileName, stored.sha256(), stored.size())));
            library.putManifest(manifest);
            PackageRecord record = new PackageRecord(image.id(), version, fileName, stored.sha256(), stored.size(), modified);
            SiteDatabaseWork.inTransaction(database, "record content package of " + image.id(), c -> {
                DistributionTables.savePackage(c, record);
                return null;
            });
            return manifest;
        } catch (IOException e) {
            throw new DistributionException(Reason.CONTENT_UNREADABLE, "image " + image.id() + ": cannot take "
                    + wim + " into the site's content library: " + e.getMessage(), e);
        }
    }

    /** The WIM's own name when it is a plain one, else install.wim. */
    private static String packageFileName(Path wim) {
        String name = wim.getFileName().toString();
        return name.matches("[A-Za-z0-9 ._()+-]{1,200}") && !name.startsWith(".") ? name : "install.wim";
    }

    private String downloadKey() throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "read the download key",
                c -> DistributionTables.secretSettingOrInsert(c, DOWNLOAD_KEY, Secrets.newSecret(), siteKey));
    }

    private OsImageRecord image(String imageId) throws DistributionException {
        try {
            return catalog.get(imageId);
        } catch (ImageNotFoundException e) {
            throw new DistributionException(Reason.NO_SUCH_IMAGE, "no OS image " + imageId, e);
        } catch (CatalogException e) {
            throw new DistributionException(Reason.CATALOG_FAILED, e.getMessage(), e);
        }
    }

    private DpRecord dp(String name) throws DistributionException {
        return SiteDatabaseWork.inTransaction(database, "find distribution point " + name,
                c -> DistributionTables.findDp(c, name, siteKey)).orElseThrow(() -> new DistributionException(
                        Reason.NO_SUCH_DP, "no distribution point named " + name));
    }

    private static DpClient client(DpRecord dp) {
        return new DpClient(dp.point().url(), dp.point().fingerprint(), dp.secret());
    }

    private void record(ContentStatus status, DistributionListener listener) throws DistributionException {
        SiteDatabaseWork.inTransaction(database, "record content status", c -> {
            DistributionTables.saveStatus(c, status);
            return null;
        });
        listener.statusChanged(status);
    }

    /** From push threads: a status the database cannot take is logged, the push goes on. */
    private void recordQuietly(ContentStatus status) {
        try {
            SiteDatabaseWork.inTransaction(database, "record content status", c -> {
                DistributionTables.saveStatus(c, status);
                return null;
            });
        } catch (DistributionException e) {
            System.getLogger(SiteContentDistribution.class.getName()).log(System.Logger.Level.WARNING,
                    e.getMessage(), e);
        }
    }

    private static ContentStatus await(Future<ContentStatus> push) throws DistributionException {
        try {
            return push.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistributionException(Reason.DP_UNREACHABLE, "interrupted while distributing", e);
        } catch (ExecutionException e) {
            throw new DistributionException(Reason.DP_UNREACHABLE, "a push failed: " + e.getCause(), e.getCause());
        }
    }
}
